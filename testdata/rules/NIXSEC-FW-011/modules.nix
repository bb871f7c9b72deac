{ ... }:
{
  networking.firewall.connectionTrackingModules = [ "ftp" "sip" ]; # expect: NIXSEC-FW-011
}
