{ ... }:
{
  imports = [ ./ssh.nix ];
  services.openssh.settings.KbdInteractiveAuthentication = false;
}
