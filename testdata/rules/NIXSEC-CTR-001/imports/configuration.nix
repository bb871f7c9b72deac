{ ... }:
{
  imports = [ ./containers.nix ];
  networking.hostName = "host";
}
