{ config, lib, pkgs, ... }:
{
  imports = [ ./hardening.nix ];

  networking.firewall.enable = lib.mkForce false;

  systemd.services.myapp = {
    description = "An app with no sandboxing";
    wantedBy = [ "multi-user.target" ];
    script = "exec ${pkgs.hello}/bin/hello";
  };
  systemd.services.myapp.serviceConfig.PrivateTmp = lib.mkIf config.networking.firewall.enable true;

  systemd.services.hardened = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      DynamicUser = true;
      ProtectSystem = "strict";
      PrivateDevices = true;
      PrivateNetwork = true;
      ProtectKernelTunables = true;
      NoNewPrivileges = true;
      SystemCallFilter = [ "@system-service" ];
      CapabilityBoundingSet = "";
      RestrictAddressFamilies = config.my.families;
    };
  };

  containers.web.config = {
    systemd.services.guest.script = "exec sleep infinity";
  };
}
