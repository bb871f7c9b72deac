{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.LogLevel = "ERROR"; # expect: NIXSEC-SSH-009
}
