# A flake template (copied by `nix flake init -t`): its inputs are locked when
# someone instantiates it, so there is no flake.lock next to it on purpose.
{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }: { };
}
