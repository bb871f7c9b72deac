{ modulesPath, ... }:
{
  # An installer image is a throwaway system.
  imports = [ "${modulesPath}/installer/cd-dvd/installation-cd-minimal.nix" ];
  services.openssh.enable = true;
  services.openssh.settings.LogLevel = "ERROR";
}
