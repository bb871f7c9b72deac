{ ... }:
{
  virtualisation.vmVariant = {
    services.samba.enable = true;
    services.samba.settings.public.path = "/srv/public";
    services.samba.settings.public."read only" = "no";
    services.samba.settings.public."guest ok" = "yes";
  };
}
