{ config, lib, ... }:
with lib;
let
  GatewayPorts = "yes";
in
{
  services.openssh = {
    enable = mkDefault true;
    settings = { inherit GatewayPorts; }; # expect: NIXSEC-SSH-007
  };
}
