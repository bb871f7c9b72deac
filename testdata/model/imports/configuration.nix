# Cross-file merging: an entry point and the modules it imports.
{ lib, ... }:
{
  imports = [ ./modules ./hardware-configuration.nix ];
  services.openssh.settings.PermitRootLogin = lib.mkDefault "prohibit-password";
  networking.firewall.enable = true;
}
