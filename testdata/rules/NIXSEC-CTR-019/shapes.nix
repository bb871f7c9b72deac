{ config, lib, ... }:
with lib;
let
  api = "tcp://0.0.0.0:2376";
in
{
  virtualisation.docker = {
    enable = true;
    listenOptions = [
      "/run/docker.sock"
      "0.0.0.0:2375" # expect: NIXSEC-CTR-019
      "2377" # expect: NIXSEC-CTR-019
    ];
  };
  virtualisation.docker.daemon.settings.hosts = mkForce [ "fd://" "tcp://127.0.0.1:2375" ]; # expect: NIXSEC-CTR-019
  virtualisation.docker.extraOptions = "--host=${api}"; # expect: NIXSEC-CTR-019
}
