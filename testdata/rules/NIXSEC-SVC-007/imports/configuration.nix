{ ... }:
{
  imports = [ ./network.nix ];
  services.samba.enable = true;
  services.samba.settings.public.path = "/srv/public";
  services.samba.settings.public."read only" = "no";
}
