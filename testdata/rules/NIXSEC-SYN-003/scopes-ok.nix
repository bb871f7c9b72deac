{ config, lib, pkgs, ... }@args:
with lib;
let
  port = 22;
  settings = rec { a = port; b = a; };
in
{
  networking.firewall.allowedTCPPorts = [ port settings.b ];
  # Unknown names under `with` may come from it: not reported.
  services.openssh.enable = mkDefault true;
  environment.etc.x.text = toString (map (x: x + 1) [ 1 ]) + builtins.readFile ./x + __curPos.file;
  boot.isContainer = args ? config && true && !false && null == null;
}
