{ lib, ... }:
{
  nix.settings.require-sigs = true;
  # Overridden for certain: the mkForce wins.
  nix.settings.sandbox = true;
  nix.extraOptions = ''
    # require-sigs = false   (a comment in nix.conf)
    keep-outputs = true
  '';
}
