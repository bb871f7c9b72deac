{ config, lib, ... }:
{
  config = lib.mkIf false {
    users.users.alice.hashedPassword = "$1$abcdefgh$0123456789abcdefghijkl";
  };
}
