{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.profiles.legacy.enable {
    users.users.alice.hashedPassword = lib.mkDefault "$1$abcdefgh$0123456789abcdefghijkl"; # expect: NIXSEC-SEC-002 (possible)
  };
}
