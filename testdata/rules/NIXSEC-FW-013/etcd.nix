{ ... }:
{
  services.etcd = {
    enable = true;
    clientCertAuth = true;
    openFirewall = true; # expect: NIXSEC-FW-013
  };
}
