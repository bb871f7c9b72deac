{ ... }:
{
  boot.kernel.sysctl."net.ipv4.ip_forward" = 1; # expect: NIXSEC-FW-012
  networking.nat.forwardPorts = [ { destination = "10.0.0.2:5432"; sourcePort = 5432; } ];
}
