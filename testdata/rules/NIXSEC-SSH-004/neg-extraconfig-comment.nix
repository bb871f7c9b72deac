{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = ''
      # PermitEmptyPasswords yes
    '';
  };
}
