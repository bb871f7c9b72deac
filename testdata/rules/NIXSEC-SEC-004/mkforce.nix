{ config, lib, pkgs, ... }:
{
  environment.etc."smbcredentials" = {
    text = lib.mkForce "username=alice\npassword=hunter2\n"; # expect: NIXSEC-SEC-004
  };
}
