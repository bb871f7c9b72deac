# NixOS before 23.05: the option was renamed to settings.GatewayPorts.
{ ... }:
{
  services.sshd.enable = true;
  services.openssh.gatewayPorts = "yes"; # expect: NIXSEC-SSH-007
}
