{ config, ... }:
{
  networking.wireguard.interfaces.wg0.privateKey = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk="; # expect: NIXSEC-SEC-003
  networking.wg-quick.interfaces.wg1.privateKey = "cGl6emEtcGl6emEtcGl6emEtcGl6emEtcGl6emE0NDQ="; # expect: NIXSEC-SEC-003
  services.borgbackup.jobs.home.encryption = {
    mode = "repokey-blake2";
    passphrase = "correct horse battery staple"; # expect: NIXSEC-SEC-003
  };
  services.nginx.virtualHosts."admin.example.org" = {
    basicAuth = { alice = "alice-pass-123"; }; # expect: NIXSEC-SEC-003
    locations."/private".basicAuth.bob = "bob-pass-456"; # expect: NIXSEC-SEC-003
  };
  services.mongodb.initialRootPassword = "mongo-root-pw"; # expect: NIXSEC-SEC-003
  services.grafana.settings.security.admin_password = "grafana-admin"; # expect: NIXSEC-SEC-003
  services.redis.requirePass = "legacy-redis-pw"; # expect: NIXSEC-SEC-003
  boot.loader.grub.users.root.password = "grub-pass"; # expect: NIXSEC-SEC-003
}
