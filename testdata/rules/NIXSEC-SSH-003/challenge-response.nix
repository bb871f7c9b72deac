# The oldest name, renamed twice.
{ ... }:
{
  services.openssh.enable = true;
  services.openssh.challengeResponseAuthentication = true; # expect: NIXSEC-SSH-003
  system.stateVersion = "24.05";
}
