# The kubernetes module with a role: its network plugin manages forwarding.
{ lib, ... }:
let
  roles = [ "master" "node" ];
in
{
  boot.kernel.sysctl."net.ipv4.ip_forward" = 1;
  services.kubernetes = {
    inherit roles;
    masterAddress = "k8s.example.org";
  };
}
