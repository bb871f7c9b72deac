{ lib, ... }:
{
  # A path, external modules, an inline one, a false optional.
  imports = [
    ./_present.nix
    <nixpkgs/nixos/modules/profiles/minimal.nix>
    ({ ... }: { networking.hostName = "x"; })
  ] ++ lib.optional false ./never-imported.nix;
}
