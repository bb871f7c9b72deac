{ ... }:
{
  services.openssh.settings.PermitRootLogin = "yes"; # expect: NIXSEC-SSH-001
}
