{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.GatewayPorts = "yes";
  services.openssh.settings.GatewayPorts = lib.mkForce "no";
}
