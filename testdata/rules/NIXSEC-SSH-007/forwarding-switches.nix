{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      AllowAgentForwarding = true; # expect: NIXSEC-SSH-007
      AllowTcpForwarding = "all"; # expect: NIXSEC-SSH-007
      PermitTunnel = "point-to-point"; # expect: NIXSEC-SSH-007
    };
  };
}
