{ ... }:
{
  services.openssh.settings.StrictModes = false; # expect: NIXSEC-SSH-008
}
