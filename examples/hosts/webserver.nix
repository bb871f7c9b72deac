# A web server with the mistakes nixsec is built to catch. Each one is marked
# with a comment saying what is wrong; see examples/README.md.
{ config, lib, pkgs, ... }:

{
  networking.hostName = "webserver";

  # MISTAKE: the firewall is off, so every listening port is on the Internet.
  networking.firewall.enable = false;

  users.users.deploy = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    # MISTAKE: a plaintext password, readable in the world-readable Nix store.
    password = "hunter2";
  };

  services.nginx = {
    enable = true;
    virtualHosts."shop.example.org" = {
      forceSSL = true;
      enableACME = true;
      locations."/".proxyPass = "http://127.0.0.1:8080";
    };
  };

  # MISTAKE: a custom service that runs as root with no sandboxing at all.
  systemd.services.shop-backend = {
    description = "Shop backend";
    wantedBy = [ "multi-user.target" ];
    after = [ "network.target" ];
    serviceConfig = {
      ExecStart = "${pkgs.python3}/bin/python3 -m http.server 8080 --directory /srv/shop";
      User = "root";
      Restart = "always";
    };
  };

  nix.settings = {
    # MISTAKE: a binary cache over plain HTTP, with no signature key for it.
    substituters = [ "https://cache.nixos.org" "http://cache.internal.example:5000" ];
    trusted-public-keys = [ "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY=" ];
  };

  system.stateVersion = "24.05";
}
