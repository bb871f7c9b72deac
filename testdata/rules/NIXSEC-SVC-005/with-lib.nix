{ config, lib, ... }:
with lib;
{
  services.ollama.enable = true;
  services.ollama.host = mkOverride 90 ("0.0.0.0"); # expect: NIXSEC-SVC-005
}
