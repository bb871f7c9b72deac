{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      GatewayPorts = "yes"; # expect: NIXSEC-SSH-007
      PasswordAuthentication = false;
    };
  };
}
