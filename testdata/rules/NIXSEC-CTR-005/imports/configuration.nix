{
  imports = [ ./mounts.nix ];
}
