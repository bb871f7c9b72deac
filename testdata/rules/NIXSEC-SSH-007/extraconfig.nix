{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = ''
      AllowAgentForwarding yes # expect: NIXSEC-SSH-007
    '';
  };
}
