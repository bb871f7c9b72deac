{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.printing.enable = true;
    }
    (lib.mkIf false { services.printing.browsed.enable = true; })
  ];
}
