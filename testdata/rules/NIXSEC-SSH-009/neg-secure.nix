{ ... }:
{
  services.openssh = {
    enable = true;
    settings.LogLevel = "VERBOSE";
  };
}
