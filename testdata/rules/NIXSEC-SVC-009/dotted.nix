{ config, lib, pkgs, ... }:
{
  services.avahi.enable = true;
  services.nginx.enable = true;
  services.avahi.publish.enable = true; # expect: NIXSEC-SVC-009
}
