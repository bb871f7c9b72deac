{ ... }:
{
  virtualisation.vmVariant = {
    services.openssh.enable = true;
    services.openssh.settings.LogLevel = "ERROR";
  };
}
