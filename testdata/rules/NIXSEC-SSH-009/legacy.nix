# NixOS before 23.05: the option was renamed to settings.LogLevel.
{ ... }:
{
  services.sshd.enable = true;
  services.openssh.logLevel = "ERROR"; # expect: NIXSEC-SSH-009
}
