{ ... }:
{
  services.openssh.settings.PermitEmptyPasswords = true; # expect: NIXSEC-SSH-004
}
