{
  imports = [ ./_builder.nix ];
}
