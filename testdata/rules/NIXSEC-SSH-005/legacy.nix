# NixOS before 23.05: the option was renamed to settings.X11Forwarding.
{ ... }:
{
  services.sshd.enable = true;
  services.openssh.forwardX11 = true; # expect: NIXSEC-SSH-005
}
