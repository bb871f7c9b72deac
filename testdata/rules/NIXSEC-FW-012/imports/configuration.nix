{ ... }:
{
  imports = [ ./network.nix ];
  networking.nat.externalInterface = "eth0";
}
