{ ... }:
{
  services.openssh = {
    enable = true;
    settings.GatewayPorts = "no";
  };
}
