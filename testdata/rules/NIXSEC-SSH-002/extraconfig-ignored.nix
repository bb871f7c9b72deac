{ ... }:
{
  services.openssh = {
    enable = true;
    settings.KbdInteractiveAuthentication = false;
    extraConfig = ''
      PasswordAuthentication no # expect: NIXSEC-SSH-002
    '';
  };
  system.stateVersion = "24.05";
}
