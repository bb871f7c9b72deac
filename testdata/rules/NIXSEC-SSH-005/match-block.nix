{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = ''
      Match User alice
        X11Forwarding yes # expect: NIXSEC-SSH-005
    '';
  };
}
