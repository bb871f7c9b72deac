{ lib, ... }:
{
  services.printing.browsed.enable = true; # expect: NIXSEC-SVC-008
}
