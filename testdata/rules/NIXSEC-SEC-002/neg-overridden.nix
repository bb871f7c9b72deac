{ config, lib, ... }:
{
  users.users.alice.hashedPassword = "$1$abcdefgh$0123456789abcdefghijkl";
  users.users.alice.hashedPassword = lib.mkForce null;
}
