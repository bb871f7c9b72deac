{ config, lib, ... }:
let
  chroot = false;
in
with lib;
mkIf config.impure.enable {
  nix.useSandbox = mkDefault chroot; # expect: NIXSEC-NIX-007 (possible)
}
