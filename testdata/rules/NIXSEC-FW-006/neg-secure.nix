{ ... }:
{
  networking.firewall.trustedInterfaces = [ "lo" ];
}
