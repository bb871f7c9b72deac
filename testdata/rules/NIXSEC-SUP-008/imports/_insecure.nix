{
  nixpkgs.config.permittedInsecurePackages = [ "openssl-1.1.1w" ]; # expect: NIXSEC-SUP-008
}
