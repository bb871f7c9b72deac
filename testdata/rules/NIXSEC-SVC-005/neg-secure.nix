{ ... }:
{
  services.ollama.enable = true;
  services.ollama.host = "127.0.0.1";
}
