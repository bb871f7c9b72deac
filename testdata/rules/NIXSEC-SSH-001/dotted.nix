{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.PermitRootLogin = "yes"; # expect: NIXSEC-SSH-001
}
