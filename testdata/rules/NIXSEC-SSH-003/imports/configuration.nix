{ ... }:
{
  imports = [ ./ssh.nix ];
  services.openssh.settings.PasswordAuthentication = false;
}
