# An example configuration meant to be copied: the user generates
# hardware-configuration.nix on the target machine.
{ lib, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  services.xserver.enable = lib.mkDefault true;
}
