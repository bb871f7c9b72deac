{ config, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings = config.my.sshSettings;
}
