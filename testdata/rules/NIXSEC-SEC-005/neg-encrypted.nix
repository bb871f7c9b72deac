{ config, pkgs, ... }:
{
  age.secrets.wg0.file = ./secrets/wg0.key.age;
  sops.defaultSopsFile = ./secrets/secrets.yaml;
  sops.secrets.api-token.sopsFile = ./secrets/api.yaml;
  networking.wireguard.interfaces.wg0.privateKeyFile = config.age.secrets.wg0.path;
  services.tailscale.authKeyFile = "/run/secrets/tailscale";
  users.users.alice.openssh.authorizedKeys.keyFiles = [ ./keys/alice.pub ];
  services.nginx.virtualHosts."a.example.org".sslCertificate = ./certs/a.crt;
  systemd.services.app.serviceConfig.ExecStart = "${pkgs.app}/bin/app --config ${./app/settings.toml}";
  services.myapp.configFile = ./myapp.conf;
  imports = [ ./secrets.nix ];
  services.other.settings = import ./secrets/settings.nix;
  services.third.settings.password = builtins.readFile ./secrets/wg0.key.age;
}
