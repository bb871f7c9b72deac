{ ... }:
{
  # Names nixsec cannot classify are left alone.
  networking.firewall.trustedInterfaces = [ "lan" "internal" "mgmt" ];
}
