{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.PermitEmptyPasswords = true; # expect: NIXSEC-SSH-004
}
