{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.samba.enable = true;
      services.samba.settings.public.path = "/srv/public";
      services.samba.settings.public."read only" = "no";
    }
    { services.samba.settings.public."guest ok" = "no"; }
    { services.samba.settings.public."guest ok" = lib.mkForce "yes"; } # expect: NIXSEC-SVC-007
  ];
}
