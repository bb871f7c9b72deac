{
  a = builtins.fetchGit { url = "https://github.com/example/repo"; rev = "0123456789abcdef0123456789abcdef01234567"; };
  # A local development checkout is not a supply-chain dependency.
  b = builtins.fetchGit { url = ./.; };
  c = builtins.fetchGit { url = "/home/me/src/project"; };
}
