{ ... }:
{
  services.nginx.enable = true;
  services.avahi = {
    enable = true;
    publish.enable = true;
    allowInterfaces = [ "lan0" ];
  };
}
