{ ... }:
{
  services.openssh = {
    enable = true; # expect: NIXSEC-SSH-011
    settings.PasswordAuthentication = false;
  };
  system.stateVersion = "24.05";
}
