{ ... }:
{
  services.printing.enable = true; # expect: NIXSEC-SVC-008
  services.avahi.enable = true;
}
