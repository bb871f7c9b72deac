# The user comes through a let binding; info as well.
{ lib, ... }:
let
  user = "factorio";
in
{
  services.factorio.enable = true;
  systemd.services.factorio.serviceConfig.DynamicUser = lib.mkForce false; # expect: NIXSEC-SYSD-014
  systemd.services.factorio.serviceConfig.User = user;
}
