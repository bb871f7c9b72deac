# Reachable only through a tunnel on the host itself.
{ ... }:
{
  services.openssh = {
    enable = true;
    listenAddresses = [ { addr = "127.0.0.1"; port = 2222; } ];
  };
  system.stateVersion = "24.05";
}
