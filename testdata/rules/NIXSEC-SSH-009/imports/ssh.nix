{ ... }:
{
  services.openssh.settings.LogLevel = "ERROR"; # expect: NIXSEC-SSH-009
}
