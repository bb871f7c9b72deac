{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.KbdInteractiveAuthentication = true; # expect: NIXSEC-SSH-003
  system.stateVersion = "24.05";
}
