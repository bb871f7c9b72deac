{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.printing.enable = true;
    }
    { services.printing.browsed.enable = false; }
    { services.printing.browsed.enable = lib.mkForce true; } # expect: NIXSEC-SVC-008
  ];
}
