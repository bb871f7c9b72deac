{ config, lib, ... }:
{
  config = lib.mkMerge [
    {
      services.mongodb.enable = true;
    }
    (lib.mkIf config.profiles.exposed.enable {
      services.mongodb.bind_ip = lib.mkDefault "0.0.0.0"; # expect: NIXSEC-SVC-004 (possible)
    })
  ];
}
