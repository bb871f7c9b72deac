{ config, lib, pkgs, ... }:
{
  services.ollama.enable = true;
  services.ollama.host = "0.0.0.0"; # expect: NIXSEC-SVC-005
}
