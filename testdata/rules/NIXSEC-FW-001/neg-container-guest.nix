{ ... }:
{
  containers.web = {
    privateNetwork = true;
    hostAddress = "10.233.1.1";
    localAddress = "10.233.1.2";
    config = { ... }: {
      networking.firewall.enable = false;
      services.nginx.enable = true;
    };
  };
}
