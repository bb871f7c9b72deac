{ ... }:
{
  imports = [ ./ssh.nix ];
  services.openssh.settings.KbdInteractiveAuthentication = false;
  system.stateVersion = "24.05";
}
