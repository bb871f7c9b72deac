{ ... }:
{
  virtualisation.vmVariant = {
    services.ollama.enable = true;
    services.ollama.host = "0.0.0.0";
  };
}
