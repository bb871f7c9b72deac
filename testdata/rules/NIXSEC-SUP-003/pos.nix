{
  a = builtins.fetchGit { url = "https://github.com/example/repo"; ref = "main"; }; # expect: NIXSEC-SUP-003
  b = builtins.fetchGit "https://github.com/example/repo"; # expect: NIXSEC-SUP-003
  c = with builtins; fetchGit { url = "https://github.com/example/other"; allRefs = true; }; # expect: NIXSEC-SUP-003
}
