{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = ''
      PubkeyAcceptedAlgorithms +ssh-rsa # expect: NIXSEC-SSH-006
    '';
  };
}
