{ ... }:
{
  services.openssh = {
    enable = true;
    settings.PasswordAuthentication = false;
    extraConfig = ''
      Match Address 10.0.0.0/8
        PermitRootLogin yes # expect: NIXSEC-SSH-001
    '';
  };
}
