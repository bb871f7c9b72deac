{ config, lib, pkgs, ... }:
{
  users = {
    users = {
      alice = {
        password = "hunter2-lab"; # expect: NIXSEC-SEC-001
      };
    };
  };
}
