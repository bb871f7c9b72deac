{ config, lib, ... }:
let
  value = true;
in
{
  services.avahi.enable = true;
  services.nginx.enable = true;
  services.avahi.publish.enable = value; # expect: NIXSEC-SVC-009
}
