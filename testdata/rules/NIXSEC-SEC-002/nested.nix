{ config, lib, pkgs, ... }:
{
  users = {
    users = {
      alice = {
        hashedPassword = "$1$abcdefgh$0123456789abcdefghijkl"; # expect: NIXSEC-SEC-002
      };
    };
  };
}
