{ config, lib, ... }:
with lib;
let
  StrictModes = false;
in
{
  services.openssh = {
    enable = mkDefault true;
    settings = { inherit StrictModes; }; # expect: NIXSEC-SSH-008
  };
}
