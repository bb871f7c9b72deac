{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = ''
      AllowUsers alice bob
    '';
  };
  system.stateVersion = "24.05";
}
