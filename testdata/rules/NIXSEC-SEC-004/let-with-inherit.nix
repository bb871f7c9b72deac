{ config, lib, pkgs, ... }:
with lib;
let
  text = "username=alice\npassword=hunter2\n"; # expect: NIXSEC-SEC-004
in
{
  environment.etc."smbcredentials" = mkMerge [
    { inherit text; }
  ];
}
