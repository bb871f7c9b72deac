# An example flake to copy (under examples/): locked by whoever uses it.
{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.darwin.url = "github:example/darwin-modules/master";
  outputs = { self, nixpkgs, darwin }: { };
}
