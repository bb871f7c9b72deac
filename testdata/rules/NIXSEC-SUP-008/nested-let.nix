{ lib, ... }:
let
  insecure = [ "olm-3.2.16" ]; # expect: NIXSEC-SUP-008
in
{
  nixpkgs = {
    config = {
      permittedInsecurePackages = insecure;
    };
  };
}
