{ config, lib, ... }:
with lib;
{
  services.printing.enable = true;
  services.printing.browsed.enable = mkOverride 90 (true); # expect: NIXSEC-SVC-008
}
