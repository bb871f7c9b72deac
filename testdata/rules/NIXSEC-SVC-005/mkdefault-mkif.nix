{ config, lib, ... }:
{
  config = lib.mkMerge [
    {
      services.ollama.enable = true;
    }
    (lib.mkIf config.profiles.exposed.enable {
      services.ollama.host = lib.mkDefault "0.0.0.0"; # expect: NIXSEC-SVC-005 (possible)
    })
  ];
}
