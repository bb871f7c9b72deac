{ lib, ... }:
{
  options.my.socket = lib.mkEnableOption "socket" // { example = true; };
  # virtualisation.podman.dockerSocket.enable = true;
  virtualisation.podman = {
    enable = true;
    dockerCompat = true;
    dockerSocket.enable = false;
  };
  virtualisation.vmVariant.virtualisation.podman.dockerSocket.enable = true;
}
