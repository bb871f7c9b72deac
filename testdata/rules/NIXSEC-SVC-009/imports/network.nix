{ lib, ... }:
{
  services.avahi.publish.enable = true; # expect: NIXSEC-SVC-009
}
