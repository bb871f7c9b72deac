{ ... }:
{
  # cups-browsed follows Avahi by default, but NixOS ships no cups-browsed.conf:
  # DNS-SD only, no legacy UDP 631 listener (nixpkgs PR #347168). Not reported.
  services.printing.enable = true;
  services.avahi.enable = true;
}
