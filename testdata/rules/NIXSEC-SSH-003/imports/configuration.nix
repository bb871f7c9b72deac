{ ... }:
{
  imports = [ ./ssh.nix ];
  services.openssh.settings.PasswordAuthentication = false;
  system.stateVersion = "24.05";
}
