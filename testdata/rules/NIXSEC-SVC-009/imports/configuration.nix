{ ... }:
{
  imports = [ ./network.nix ];
  services.avahi.enable = true;
  services.nginx.enable = true;
}
