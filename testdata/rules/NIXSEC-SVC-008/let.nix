{ config, lib, ... }:
let
  value = true;
in
{
  services.printing.enable = true;
  services.printing.browsed.enable = value; # expect: NIXSEC-SVC-008
}
