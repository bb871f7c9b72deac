{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.StrictModes = false; # expect: NIXSEC-SSH-008
}
