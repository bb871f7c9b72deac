{ config, pkgs, ... }:
{
  systemd.services.myapp = {
    script = "exec ${pkgs.hello}/bin/hello";
    # The hardening comes from an option nixsec cannot see.
    serviceConfig = config.myorg.hardening // { User = "myapp"; };
  };
}
