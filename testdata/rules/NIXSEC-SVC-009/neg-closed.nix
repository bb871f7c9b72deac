{ ... }:
{
  services.postgresql.enable = true;
  services.avahi = {
    enable = true;
    openFirewall = false;
    publish.enable = true;
  };
}
