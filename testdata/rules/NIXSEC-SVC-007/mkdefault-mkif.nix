{ config, lib, ... }:
{
  config = lib.mkMerge [
    {
      services.samba.enable = true;
      services.samba.settings.public.path = "/srv/public";
      services.samba.settings.public."read only" = "no";
    }
    (lib.mkIf config.profiles.exposed.enable {
      services.samba.settings.public."guest ok" = lib.mkDefault "yes"; # expect: NIXSEC-SVC-007 (possible)
    })
  ];
}
