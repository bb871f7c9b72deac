{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.avahi.enable = true;
      services.nginx.enable = true;
    }
    { services.avahi.publish.enable = lib.mkDefault true; }
    { services.avahi.publish.enable = false; }
  ];
}
