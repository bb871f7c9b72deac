{
  nix.extraOptions = ''
    keep-outputs = true
    require-sigs = false # expect: NIXSEC-NIX-001
  '';
}
