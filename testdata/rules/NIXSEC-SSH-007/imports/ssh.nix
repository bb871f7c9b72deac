{ ... }:
{
  services.openssh.settings.GatewayPorts = "yes"; # expect: NIXSEC-SSH-007
}
