{ config, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings = config.my.sshSettings;
  system.stateVersion = "24.05";
}
