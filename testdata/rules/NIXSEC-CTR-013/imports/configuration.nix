{ ... }:
{
  imports = [ ./kmsg.nix ];
  system.stateVersion = "24.05";
}
