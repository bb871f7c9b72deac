{ lib, ... }:
{
  nixpkgs.config.permittedInsecurePackages = [
    "openssl-1.1.1w" # expect: NIXSEC-SUP-008
    "python-2.7.18.8" # expect: NIXSEC-SUP-008
  ];
  nixpkgs.config.allowInsecurePredicate = pkg: true; # expect: NIXSEC-SUP-008
  environment.variables.NIXPKGS_ALLOW_INSECURE = "1"; # expect: NIXSEC-SUP-008
}
