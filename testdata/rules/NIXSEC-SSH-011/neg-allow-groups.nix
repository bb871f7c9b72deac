{ ... }:
{
  services.openssh = {
    enable = true;
    settings.AllowGroups = [ "wheel" ];
  };
  system.stateVersion = "24.05";
}
