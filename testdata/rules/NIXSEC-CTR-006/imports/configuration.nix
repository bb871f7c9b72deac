{
  imports = [ ./vpn.nix ];
}
