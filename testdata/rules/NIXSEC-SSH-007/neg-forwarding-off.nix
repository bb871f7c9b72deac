{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      AllowAgentForwarding = false;
      AllowTcpForwarding = "local";
      PermitTunnel = "no";
      GatewayPorts = "no";
    };
  };
}
