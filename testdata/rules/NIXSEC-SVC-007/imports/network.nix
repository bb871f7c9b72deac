{ lib, ... }:
{
  services.samba.settings.public."guest ok" = "yes"; # expect: NIXSEC-SVC-007
}
