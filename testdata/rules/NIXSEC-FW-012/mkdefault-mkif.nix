{ config, lib, ... }:
{
  config = lib.mkMerge [
    {
      networking.nat.externalInterface = "eth0";
    }
    (lib.mkIf config.profiles.exposed.enable {
      networking.nat.enable = lib.mkDefault true; # expect: NIXSEC-FW-012 (possible)
    })
  ];
}
