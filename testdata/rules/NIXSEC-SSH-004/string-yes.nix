{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.PermitEmptyPasswords = "yes"; # expect: NIXSEC-SSH-004
}
