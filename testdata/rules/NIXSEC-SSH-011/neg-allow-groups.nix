{ ... }:
{
  services.openssh = {
    enable = true;
    settings.AllowGroups = [ "wheel" ];
  };
}
