{ ... }:
{
  services.mongodb = {
    enable = true;
    bind_ip = "127.0.0.1,10.0.0.7"; # expect: NIXSEC-SVC-004
  };
  networking.firewall.allowedTCPPorts = [ 27017 ];
}
