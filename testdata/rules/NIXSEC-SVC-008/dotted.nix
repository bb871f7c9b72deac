{ config, lib, pkgs, ... }:
{
  services.printing.enable = true;
  services.printing.browsed.enable = true; # expect: NIXSEC-SVC-008
}
