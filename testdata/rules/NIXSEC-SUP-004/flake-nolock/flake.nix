{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable"; # expect: NIXSEC-SUP-004
  outputs = { self, nixpkgs }: { };
}
