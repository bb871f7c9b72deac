{ ... }:
{
  imports = [ ./docker.nix ];
  users.extraUsers.alice.extraGroups = [ "docker" ]; # expect: NIXSEC-CTR-018
}
