{ ... }:
{
  services.openssh.enable = true;
  users.users.alice.openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample alice" ];
}
