{ ... }:
{
  services.openssh = {
    enable = true;
    settings.StrictModes = true;
  };
}
