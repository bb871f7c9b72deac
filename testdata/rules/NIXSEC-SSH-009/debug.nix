{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.LogLevel = "DEBUG2"; # expect: NIXSEC-SSH-009
}
