{ config, lib, ... }:
{
  users.users.alice.password = "hunter2-lab";
  users.users.alice.password = lib.mkForce null;
}
