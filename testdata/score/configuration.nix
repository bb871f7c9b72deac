{ config, lib, pkgs, ... }:
let
  hardening = {
    NoNewPrivileges = true;
    ProtectSystem = "strict";
    ProtectHome = true;
    PrivateTmp = true;
  };
in
{
  imports = [ ./hardened.nix ];

  # Nothing set: systemd defaults, running as root.
  systemd.services.plain = {
    wantedBy = [ "multi-user.target" ];
    script = "exec ${pkgs.hello}/bin/hello";
  };

  # A static user and a shared hardening set.
  systemd.services.worker = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // {
      User = "worker";
      SystemCallFilter = [ "@system-service" ];
      SystemCallArchitectures = "native";
    };
  };

  # Part of the configuration comes from an option nixsec does not evaluate.
  systemd.services.opaque = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = config.myorg.sandbox // { DynamicUser = true; };
  };

  # A value under a condition nixsec cannot decide.
  systemd.services.maybe = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig.DynamicUser = true;
    serviceConfig.PrivateNetwork = lib.mkIf config.myorg.offline true;
  };

  # A unit of a NixOS module: only adjusted here.
  services.nginx.enable = true;
  systemd.services.nginx.serviceConfig.ReadWritePaths = [ "/srv/www" ];

  containers.web.config = { pkgs, ... }: {
    systemd.services.app = {
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig.DynamicUser = true;
    };
  };
}
