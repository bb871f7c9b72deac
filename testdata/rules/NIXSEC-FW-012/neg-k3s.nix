# A k3s node: flannel/the CNI and kube-proxy manage the FORWARD chain.
{ ... }:
{
  networking.nat = {
    enable = true;
    enableIPv6 = true;
  };
  services.k3s = {
    enable = true;
    role = "agent";
  };
}
