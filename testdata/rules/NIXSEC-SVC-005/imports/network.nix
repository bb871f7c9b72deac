{ lib, ... }:
{
  services.ollama.host = "0.0.0.0"; # expect: NIXSEC-SVC-005
}
