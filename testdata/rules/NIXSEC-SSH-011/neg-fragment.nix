# A module fragment (no system.stateVersion): the importing host may set AllowUsers.
{ ... }:
{
  services.openssh.enable = true;
}
