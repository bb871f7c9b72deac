{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.ollama.enable = true;
    }
    (lib.mkIf false { services.ollama.host = "0.0.0.0"; })
  ];
}
