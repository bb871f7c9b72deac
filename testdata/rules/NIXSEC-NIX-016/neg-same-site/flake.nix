# The cache and its key are hosts of one site (the key is named after the
# signing service, not the download host): they belong together, so only the
# informational "users will use cache" finding remains.
{
  nixConfig = {
    extra-substituters = [ "https://dl.example-builds.org" ]; # expect: NIXSEC-NIX-016
    extra-trusted-public-keys = [ "signer.example-builds.org-1:mB9FSh9qf2dCimDSUo8Zy7bkq5CX+/rkCWyvRCYg3Fs=" ];
  };
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { self, nixpkgs }: { };
}
