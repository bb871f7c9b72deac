{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.samba.enable = true;
      services.samba.settings.public.path = "/srv/public";
      services.samba.settings.public."read only" = "no";
    }
    (lib.mkIf false { services.samba.settings.public."guest ok" = "yes"; })
  ];
}
