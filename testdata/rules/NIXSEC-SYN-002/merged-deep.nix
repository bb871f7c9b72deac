{ config, lib, ... }:
{
  # Current Nix merges set literals at every depth: a dotted definition and a
  # later set that repeats one of its intermediate names are one set.
  services.dnsd.settings.server.interface = [ "127.0.0.1" ];
  services.dnsd.settings = {
    server = {
      private-domain = [ "lan." ];
    };
  };
  systemd.services.app.after = [ "network.target" ];
  systemd = {
    services.app-cleanup.script = "true";
  };
}
