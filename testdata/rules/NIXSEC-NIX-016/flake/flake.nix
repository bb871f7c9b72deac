{
  nixConfig = {
    extra-substituters = [
      "https://foo.cachix.org" # expect: NIXSEC-NIX-016
      "http://cache.example.org" # expect: NIXSEC-NIX-016
    ];
    extra-trusted-public-keys = [ "foo.cachix.org-1:mB9FSh9qf2dCimDSUo8Zy7bkq5CX+/rkCWyvRCYg3Fs=" ];
    require-sigs = false; # expect: NIXSEC-NIX-016
    post-build-hook = "/tmp/hook.sh"; # expect: NIXSEC-NIX-016
    bash-prompt = "dev> ";
  };
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { self, nixpkgs }: { };
}
