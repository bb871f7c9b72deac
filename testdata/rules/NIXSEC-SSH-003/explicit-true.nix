{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.KbdInteractiveAuthentication = true; # expect: NIXSEC-SSH-003
}
