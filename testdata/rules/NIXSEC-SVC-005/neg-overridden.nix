{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.ollama.enable = true;
    }
    { services.ollama.host = lib.mkDefault "0.0.0.0"; }
    { services.ollama.host = "127.0.0.1"; }
  ];
}
