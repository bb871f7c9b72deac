{
  nix.settings.access-tokens = [ "github.com=ghp_0123456789abcdefABCDEF0123456789" ]; # expect: NIXSEC-NIX-015
  nix.settings.netrc-file = ./netrc; # expect: NIXSEC-NIX-015
  nix.settings.substituters = [ "https://user:hunter2@cache.example.org" ]; # expect: NIXSEC-NIX-015, NIXSEC-NIX-004
}
