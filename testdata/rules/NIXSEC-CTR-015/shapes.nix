{ config, lib, ... }:
with lib;
let
  web = "8443:443";
in
{
  virtualisation.oci-containers.containers = {
    app = {
      image = "example/app:1.0";
      ports = [
        "127.0.0.1:9000:9000"
        "8080:80" # expect: NIXSEC-CTR-015
        "53/udp" # expect: NIXSEC-CTR-015
      ];
    };
  };
  virtualisation.oci-containers.containers.db = {
    image = "docker.io/library/postgres:16";
    ports = mkForce [ "0.0.0.0:5432:5432" ]; # expect: NIXSEC-CTR-015
  };
  virtualisation.oci-containers.containers.v6 = mkIf config.v6.enable {
    ports = mkDefault [ "[::]:443:443/tcp" ]; # expect: NIXSEC-CTR-015 (possible)
  };
  virtualisation.oci-containers.containers.proxy.ports = [ web ]; # expect: NIXSEC-CTR-015
  virtualisation.oci-containers.containers.flags.extraOptions = [
    "-p" # expect: NIXSEC-CTR-015
    "9090:9090"
    "--publish=3000:3000" # expect: NIXSEC-CTR-015
    "-P" # expect: NIXSEC-CTR-015
  ];
}
