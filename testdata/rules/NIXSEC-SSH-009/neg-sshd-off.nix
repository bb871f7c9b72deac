# sshd is not enabled in this system.
{ ... }:
{
  services.openssh.settings.LogLevel = "ERROR";
}
