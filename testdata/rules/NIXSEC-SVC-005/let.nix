{ config, lib, ... }:
let
  value = "0.0.0.0";
in
{
  services.ollama.enable = true;
  services.ollama.host = value; # expect: NIXSEC-SVC-005
}
