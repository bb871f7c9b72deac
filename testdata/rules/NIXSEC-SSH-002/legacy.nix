# NixOS before 23.05.
{ ... }:
{
  services.openssh = {
    enable = true;
    passwordAuthentication = true; # expect: NIXSEC-SSH-002
  };
  system.stateVersion = "24.05";
}
