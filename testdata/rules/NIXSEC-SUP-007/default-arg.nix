# Impure primitives as argument defaults (a library entry point): possible.
# In the body they are reported as before.
{
  system ? builtins.currentSystem, # expect: NIXSEC-SUP-007 (possible)
  home ? builtins.getEnv "HOME", # expect: NIXSEC-SUP-007 (possible)
  token ? builtins.getEnv "GITHUB_TOKEN", # expect: NIXSEC-SUP-007 (possible)
}:
let
  pkgs = import ./nixpkgs.nix { inherit system; };
  now = builtins.currentTime; # expect: NIXSEC-SUP-007
in
{
  config = {
    nixpkgs.system = builtins.currentSystem; # expect: NIXSEC-SUP-007
    environment.etc.home.text = home;
    environment.etc.stamp.text = toString now;
  };
}
