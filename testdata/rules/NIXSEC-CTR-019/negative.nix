{ lib, ... }:
{
  options.my.listen = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    example = [ "0.0.0.0:2375" ];
  };
  virtualisation.docker = {
    enable = true;
    # listenOptions = [ "0.0.0.0:2375" ];
    listenOptions = [ "/run/docker.sock" "@docker" ];
    daemon.settings = {
      hosts = [ "unix:///run/docker.sock" ];
    };
  };
}
