{
  nix.extraOptions = ''
    trusted-users = root * # expect: NIXSEC-NIX-005
  '';
}
