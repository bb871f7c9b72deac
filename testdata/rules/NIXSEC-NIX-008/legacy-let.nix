let
  paths = [ "/var/run/docker.sock" ]; # expect: NIXSEC-NIX-008
in
{ nix.sandboxPaths = paths; }
