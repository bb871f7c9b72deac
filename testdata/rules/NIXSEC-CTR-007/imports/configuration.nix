{
  imports = [ ./flags.nix ];
}
