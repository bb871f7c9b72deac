{ ... }:
{
  services.printing.enable = true;
  services.printing.browsed.enable = false;
}
