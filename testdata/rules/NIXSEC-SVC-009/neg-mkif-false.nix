{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.avahi.enable = true;
      services.nginx.enable = true;
    }
    (lib.mkIf false { services.avahi.publish.enable = true; })
  ];
}
