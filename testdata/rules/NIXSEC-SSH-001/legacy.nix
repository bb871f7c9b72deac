# NixOS before 23.05: the option was renamed to settings.PermitRootLogin.
{ ... }:
{
  services.sshd.enable = true;
  services.openssh.permitRootLogin = "yes"; # expect: NIXSEC-SSH-001
}
