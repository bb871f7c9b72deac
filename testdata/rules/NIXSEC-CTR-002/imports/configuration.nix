{ ... }:
{
  imports = [ ./guest.nix ];
}
