{ ... }:
{
  imports = [ ./ssh.nix ];
  services.openssh.enable = true;
}
