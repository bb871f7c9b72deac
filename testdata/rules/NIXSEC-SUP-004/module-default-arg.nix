# A module's argument defaults are never used (the module system passes
# every argument a module names): possible; a lookup under mkIf in the body
# is still reported.
{ config, lib, pkgs ? import <nixpkgs> { }, ... }: # expect: NIXSEC-SUP-004 (possible)
{
  config = lib.mkIf config.services.nginx.enable {
    nix.nixPath = [ "nixpkgs=${<nixpkgs>}" ]; # expect: NIXSEC-SUP-004
    services.nginx.package = pkgs.nginxMainline;
  };
}
