{ pkgs, ... }:
{
  a = builtins.fetchTarball "http://example.org/x.tar.gz"; # expect: NIXSEC-SUP-001, NIXSEC-SUP-006
  b = pkgs.fetchurl { url = "http://mirror.example.org/b.tar.gz"; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; }; # expect: NIXSEC-SUP-006
  c = builtins.fetchGit { url = "git://git.example.org/c.git"; rev = "0123456789abcdef0123456789abcdef01234567"; }; # expect: NIXSEC-SUP-006
}
