{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.avahi.enable = true;
      services.nginx.enable = true;
    }
    { services.avahi.publish.enable = false; }
    { services.avahi.publish.enable = lib.mkForce true; } # expect: NIXSEC-SVC-009
  ];
}
