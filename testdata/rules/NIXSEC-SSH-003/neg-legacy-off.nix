{ ... }:
{
  services.sshd.enable = true;
  services.openssh.kbdInteractiveAuthentication = false;
  services.openssh.settings.PasswordAuthentication = false;
  system.stateVersion = "24.05";
}
