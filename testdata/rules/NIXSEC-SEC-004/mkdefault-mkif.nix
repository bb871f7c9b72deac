{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.profiles.legacy.enable {
    environment.etc."smbcredentials".text = lib.mkDefault "username=alice\npassword=hunter2\n"; # expect: NIXSEC-SEC-004 (possible)
  };
}
