{ config, lib, ... }:
let
  admins = [ "@users" ]; # expect: NIXSEC-NIX-005 (possible)
in
with lib;
{
  config = mkIf config.dev.enable {
    nix.trustedUsers = mkDefault admins;
  };
}
