{ config, lib, pkgs, ... }:
{
  users.users.alice = {
    password = lib.mkForce "hunter2-lab"; # expect: NIXSEC-SEC-001
  };
}
