{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = ''
      HostbasedAuthentication yes # expect: NIXSEC-SSH-008
    '';
  };
}
