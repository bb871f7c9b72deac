# A Tailscale exit node / subnet router: reported, as info (see rules_firewall_test.go).
{ ... }:
{
  services.tailscale = {
    enable = true;
    useRoutingFeatures = "both"; # expect: NIXSEC-FW-012
  };
}
