{ config, lib, ... }:
let
  value = "yes";
in
{
  services.samba.enable = true;
  services.samba.settings.public.path = "/srv/public";
  services.samba.settings.public."read only" = "no";
  services.samba.settings.public."guest ok" = value; # expect: NIXSEC-SVC-007
}
