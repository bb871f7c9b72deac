{ ... }:
{
  services.avahi = {
    enable = true;
    publish.enable = true;
    publish.userServices = true;
  };
  services.printing.enable = true;
  services.printing.browsed.enable = false;
}
