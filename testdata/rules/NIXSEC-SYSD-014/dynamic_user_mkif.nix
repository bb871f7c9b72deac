# Under a condition nixsec cannot decide: possible, and the user set only
# when another condition holds does not lower it (medium).
{ config, lib, ... }:
{
  config = lib.mkIf config.services.vector.enable {
    systemd.services.vector.serviceConfig = {
      DynamicUser = lib.mkForce false; # expect: NIXSEC-SYSD-014 (possible)
      User = lib.mkIf config.local.persistent "vector";
    };
  };
}
