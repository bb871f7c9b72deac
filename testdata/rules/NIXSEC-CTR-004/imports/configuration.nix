{
  imports = [ ./devices.nix ];
}
