# User under the same condition as the override: possible, and info.
{ config, lib, ... }:
{
  config = lib.mkIf config.services.vector.enable {
    systemd.services.vector.serviceConfig = {
      DynamicUser = lib.mkForce false; # expect: NIXSEC-SYSD-014 (possible)
      User = "vector";
    };
  };
}
