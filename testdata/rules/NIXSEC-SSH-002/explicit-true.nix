{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.PasswordAuthentication = true; # expect: NIXSEC-SSH-002
  system.stateVersion = "24.05";
}
