{ config, lib, ... }:
with lib;
{
  nix.extraOptions = mkIf config.ci.enable ''
    accept-flake-config = true # expect: NIXSEC-NIX-009 (possible)
  '';
}
