{ ... }:
{
  imports = [ ./docker.nix ];
  users.users.alice.isNormalUser = true;
}
