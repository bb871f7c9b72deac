{ config, lib, ... }:
{
  config = lib.mkMerge [
    {
      services.avahi.enable = true;
      services.nginx.enable = true;
    }
    (lib.mkIf config.profiles.exposed.enable {
      services.avahi.publish.enable = lib.mkDefault true; # expect: NIXSEC-SVC-009 (possible)
    })
  ];
}
