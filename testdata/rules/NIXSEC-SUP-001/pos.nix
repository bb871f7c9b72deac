{ pkgs, ... }:
let
  hm = builtins.fetchTarball "https://github.com/nix-community/home-manager/archive/release-24.05.tar.gz"; # expect: NIXSEC-SUP-001
  extra = with builtins; fetchTarball { url = "https://example.org/extra.tar.gz"; }; # expect: NIXSEC-SUP-001
in
{
  imports = [
    (import (fetchTarball "https://github.com/example/modules/archive/0123456789abcdef0123456789abcdef01234567.tar.gz")) # expect: NIXSEC-SUP-001
  ];
}
