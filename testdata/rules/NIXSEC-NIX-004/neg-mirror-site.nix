# A regional mirror of cache.nixos.org (the /nix-channels/store layout) serves
# paths signed with cache.nixos.org's key, which NixOS always trusts; a cache
# whose key is named after another host of the same site is paired with it.
{
  nix.settings = {
    substituters = [
      "https://mirror.example.edu.cn/nix-channels/store"
      "https://dl.example-builds.org"
    ];
    trusted-public-keys = [
      "signer.example-builds.org-1:mB9FSh9qf2dCimDSUo8Zy7bkq5CX+/rkCWyvRCYg3Fs="
    ];
  };
}
