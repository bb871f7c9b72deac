# TOTP through PAM uses keyboard-interactive on purpose.
{ ... }:
{
  services.openssh = {
    enable = true;
    settings.PasswordAuthentication = false;
    settings.KbdInteractiveAuthentication = true;
  };
  security.pam.services.sshd.googleAuthenticator.enable = true;
  system.stateVersion = "24.05";
}
