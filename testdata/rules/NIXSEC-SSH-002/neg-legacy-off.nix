{ ... }:
{
  services.sshd.enable = true;
  services.openssh.passwordAuthentication = false;
  services.openssh.settings.KbdInteractiveAuthentication = false;
  system.stateVersion = "24.05";
}
