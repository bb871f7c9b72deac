{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.printing.enable = true;
    }
    { services.printing.browsed.enable = lib.mkDefault true; }
    { services.printing.browsed.enable = false; }
  ];
}
