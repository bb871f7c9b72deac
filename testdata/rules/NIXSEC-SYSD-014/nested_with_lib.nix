{ lib, ... }:
with lib;
{
  services.nginx.enable = true;
  systemd.services.nginx = {
    serviceConfig = {
      NoNewPrivileges = mkForce false; # expect: NIXSEC-SYSD-014
      CapabilityBoundingSet = mkForce [ "CAP_NET_BIND_SERVICE" "CAP_SYS_ADMIN" ]; # expect: NIXSEC-SYSD-014
      SystemCallFilter = mkForce [ "@system-service" "@privileged" ]; # expect: NIXSEC-SYSD-014
      User = mkForce "root"; # expect: NIXSEC-SYSD-014
    };
  };
}
