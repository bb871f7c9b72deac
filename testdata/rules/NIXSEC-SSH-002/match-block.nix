{ ... }:
{
  services.openssh = {
    enable = true;
    settings.PasswordAuthentication = false;
    extraConfig = ''
      Match Address 192.168.1.0/24
        PasswordAuthentication yes # expect: NIXSEC-SSH-002
    '';
  };
  system.stateVersion = "24.05";
}
