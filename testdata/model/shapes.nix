# Shapes of definitions: dotted, nested, quoted, priorities, conditions,
# let/with/inherit/rec, //, legacy names, interpolation, config.* references.
{ config, lib, pkgs, ... }:
with lib;
let
  cfg = config.services.app;
  port = 8080;
  common = { PermitRootLogin = "no"; };
  inherit (lib) mkForce;
in
{
  options.services.app.enable = mkEnableOption "app";

  config = mkMerge [
    {
      networking.firewall.enable = false;
      networking = { hostName = "web"; firewall.allowedTCPPorts = [ 22 port ]; };
      boot.kernel.sysctl."net.ipv4.ip_forward" = 1;
      services.openssh.settings = common // { PasswordAuthentication = mkDefault false; };
      services.openssh.permitRootLogin = mkForce "yes";
      services.app.enable = true;
      services.app.url = "http://0.0.0.0:${toString port}";
      nix.extraOptions = ''
        trusted-users = root @wheel
      '';
    }
    (mkIf cfg.enable { networking.firewall.allowedUDPPorts = [ port ]; })
    (mkIf config.services.other.enable { services.other.openFirewall = true; })
    (if config.boot.isContainer then { a = 1; } else { a = 2; })
    (optionalAttrs false { never = true; })
  ];
}
