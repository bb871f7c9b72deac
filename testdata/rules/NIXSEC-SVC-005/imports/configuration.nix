{ ... }:
{
  imports = [ ./network.nix ];
  services.ollama.enable = true;
}
