# sshd is not enabled in this system.
{ ... }:
{
  services.openssh.settings.X11Forwarding = true;
}
