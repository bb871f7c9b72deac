{ ... }:
{
  services.sshd.enable = true;
  services.openssh.kbdInteractiveAuthentication = false;
  services.openssh.settings.PasswordAuthentication = false;
}
