{ config, lib, ... }:
{
  config = lib.mkIf false {
    users.users.alice.password = "hunter2-lab";
  };
}
