{ config, ... }:
{
  services.redis.servers.cache.requirePassFile = "/run/secrets/redis";
  networking.wireguard.interfaces.wg0.privateKeyFile = config.sops.secrets.wg0.path;
  services.borgbackup.jobs.home.encryption.passCommand = "cat /run/secrets/borg";
  services.grafana.settings.security.admin_password = "$__file{/run/secrets/grafana-admin}";
  services.grafana.settings.security.secret_key = "$__env{GRAFANA_SECRET_KEY}";
  services.myapp.settings = {
    password = "";
    token_lifespan = "1 hour";
    access_token = "1 year";
    api_key = "!pass show myapp/api";
    apiKey = "unused";
    secret = "@MYAPP_SECRET@";
    auth_token = "{env:MYAPP_TOKEN}";
    passwordFile = "/run/secrets/myapp";
    tokenizer = "bert";
    hashedPassword = "$y$j9T$abc";
  };
  services.opencrow.rbwEntries."maps-api-key" = "maps-api-key";
  services.opencrow.rbwEntries."gmaps" = "gmaps-api-key";
  programs.git.settings.user.signingKey = "C2A1B3D4E5F60718";
  services.redis.servers.cache.requirePass = config.sops.placeholder.redis;
  # users.users of a test node nixsec does not recognize as one: SEC-001/002 territory.
  my.nodes.machine.users.users.alice.password = "foobar-x";
}
