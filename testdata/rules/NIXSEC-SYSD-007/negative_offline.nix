{ pkgs, ... }:
{
  # No network at all: address families do not matter.
  systemd.services.offline = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig.PrivateNetwork = true;
  };
  # A deny-list that denies AF_PACKET.
  systemd.services.deny = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig.RestrictAddressFamilies = [ "~AF_PACKET" "~AF_NETLINK" ];
  };
}
