{ config, lib, ... }:
{
  config = lib.mkMerge [
    {
      services.printing.enable = true;
    }
    (lib.mkIf config.profiles.exposed.enable {
      services.printing.browsed.enable = lib.mkDefault true; # expect: NIXSEC-SVC-008 (possible)
    })
  ];
}
