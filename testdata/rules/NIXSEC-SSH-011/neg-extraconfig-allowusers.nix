{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = ''
      AllowUsers alice bob
    '';
  };
}
