# NixOS before 23.05.
{ ... }:
{
  services.openssh = {
    enable = true;
    kbdInteractiveAuthentication = true; # expect: NIXSEC-SSH-003
  };
  system.stateVersion = "24.05";
}
