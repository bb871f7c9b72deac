{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.LogLevel = "INFO";
}
