# DynamicUser forced off for a persistent state directory, with a static
# non-root user: still reported, as info (severity pinned in
# TestSysdSeverities).
{ lib, ... }:
{
  services.prowlarr.enable = true;
  systemd.services.prowlarr.serviceConfig = {
    DynamicUser = lib.mkForce false; # expect: NIXSEC-SYSD-014
    User = lib.mkForce "prowlarr";
    Group = lib.mkForce "prowlarr";
  };
  users.users.prowlarr = {
    isSystemUser = true;
    group = "prowlarr";
  };
  users.groups.prowlarr = { };
}
