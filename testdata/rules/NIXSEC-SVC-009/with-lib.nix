{ config, lib, ... }:
with lib;
{
  services.avahi.enable = true;
  services.nginx.enable = true;
  services.avahi.publish.enable = mkOverride 90 (true); # expect: NIXSEC-SVC-009
}
