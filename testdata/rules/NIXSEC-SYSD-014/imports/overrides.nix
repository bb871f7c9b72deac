{ lib, ... }:
{
  systemd.services.postgresql.serviceConfig.ProtectHome = lib.mkForce false; # expect: NIXSEC-SYSD-014
}
