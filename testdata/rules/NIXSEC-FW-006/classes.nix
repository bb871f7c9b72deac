{ ... }:
{
  networking.firewall.trustedInterfaces = [
    "lo"
    "tailscale0" # expect: NIXSEC-FW-006
    "docker0" # expect: NIXSEC-FW-006
    "enp3s0" # expect: NIXSEC-FW-006
    "internal"
  ];
}
