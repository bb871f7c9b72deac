{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = ''
      AllowTcpForwarding no
      PermitEmptyPasswords yes # expect: NIXSEC-SSH-004
    '';
  };
}
