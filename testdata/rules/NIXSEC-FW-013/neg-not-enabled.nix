{ ... }:
{
  services.ollama.openFirewall = true;
}
