{ config, lib, ... }:
with lib;
let
  LogLevel = "ERROR";
in
{
  services.openssh = {
    enable = mkDefault true;
    settings = { inherit LogLevel; }; # expect: NIXSEC-SSH-009
  };
}
