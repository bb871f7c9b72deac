{ ... }:
{
  services.openssh.enable = true; # expect: NIXSEC-SSH-011
  services.openssh.settings.DenyUsers = [ "guest" ];
  system.stateVersion = "24.05";
}
