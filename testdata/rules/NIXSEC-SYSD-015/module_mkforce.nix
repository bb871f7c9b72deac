{ lib, pkgs, ... }:
with lib;
{
  services.nginx.enable = true;
  systemd.services.nginx.serviceConfig.ExecStartPre = mkForce [ "+${pkgs.coreutils}/bin/chmod 0644 /etc/ssl/site.key" ]; # expect: NIXSEC-SYSD-015
}
