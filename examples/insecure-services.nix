# A home-lab server with the network mistakes nixsec's firewall (NIXSEC-FW-*)
# and network-service (NIXSEC-SVC-*) rules catch. Each one is marked
# `# MISTAKE:`; everything else is the secure way to write it.
{ config, lib, pkgs, ... }:

let
  lan = "192.168.10.0/24";
in
{
  networking.hostName = "homelab";

  networking.firewall = {
    enable = true;
    allowedTCPPorts = [
      22
      443
      # MISTAKE: PostgreSQL opened to every network the host is on.
      5432
    ];
    # MISTAKE: a range covering thousands of ports (and Redis, Elasticsearch…).
    allowedTCPPortRanges = [ { from = 3000; to = 9999; } ];
    # Fine: a narrow range for KDE Connect.
    allowedUDPPortRanges = [ { from = 1714; to = 1764; } ];
    # MISTAKE: trusting the uplink accepts everything arriving on it.
    trustedInterfaces = [ "enp3s0" ];
    # Fine: monitoring is opened on the VPN interface only.
    interfaces."wg0".allowedTCPPorts = [ 9100 ];
    extraCommands = ''
      iptables -A nixos-fw -s ${lan} -p tcp --dport 2049 -j nixos-fw-accept
      # MISTAKE: a debugging leftover that accepts every packet.
      iptables -I nixos-fw -j nixos-fw-accept
    '';
  };

  # MISTAKE: Redis on all interfaces, protected mode off, no password, port opened.
  services.redis.servers.cache = {
    enable = true;
    port = 6379;
    bind = "0.0.0.0";
    openFirewall = true;
    settings."protected-mode" = "no";
  };

  services.postgresql = {
    enable = true;
    enableTCPIP = true;
    # MISTAKE: `trust` for the whole LAN, and for every local user.
    authentication = lib.mkOverride 10 ''
      local all all              trust
      host  all all ${lan}       trust
      hostssl app app 10.8.0.0/24 scram-sha-256
    '';
  };

  services.nfs.server = {
    enable = true;
    # MISTAKE: root is not squashed, and a stray space exports /srv/media rw to the world.
    exports = ''
      /srv/backup ${lan}(rw,sync,no_root_squash)
      /srv/media  192.168.10.20 (rw,sync)
    '';
  };

  services.samba = {
    enable = true;
    openFirewall = true;
    settings = {
      global."server min protocol" = "SMB3";
      # MISTAKE: anyone on the network may write here.
      dropbox = {
        path = "/srv/dropbox";
        "guest ok" = "yes";
        "read only" = "no";
      };
      # Fine: authenticated users only.
      homes = {
        "valid users" = "%S";
        "read only" = "no";
      };
    };
  };

  services.printing = {
    enable = true;
    # MISTAKE: cups-browsed adds any printer announced on the network.
    browsed.enable = true;
  };
  services.avahi = {
    enable = true;
    nssmdns4 = true;
    # MISTAKE (info): the server advertises itself on every link.
    publish.enable = true;
  };

  services.nginx.enable = true;

  # MISTAKE: the node exporter is opened on every interface (it has no authentication).
  services.prometheus.exporters.node = {
    enable = true;
    openFirewall = true;
  };

  # MISTAKE: Ollama's API (no authentication) on all interfaces.
  services.ollama = {
    enable = true;
    host = "0.0.0.0";
  };

  # Fine: MariaDB on loopback only.
  services.mysql = {
    enable = true;
    package = pkgs.mariadb;
    settings.mysqld.bind-address = "127.0.0.1";
  };

  system.stateVersion = "24.11";
}
