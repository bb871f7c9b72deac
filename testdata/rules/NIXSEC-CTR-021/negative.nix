{ lib, ... }:
{
  options.my.docker = lib.mkEnableOption "docker" // { example = true; };
  # virtualisation.docker.enable = true;
  virtualisation.docker.rootless = {
    enable = true;
    setSocketVariable = true;
  };
}
