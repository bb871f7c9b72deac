{ ... }:
{
  services.printing.browsed.enable = true;
  services.avahi.enable = true;
}
