{ config, ... }:
{
  environment.variables = {
    TOKENIZER_PATH = "/var/lib/tok";
    PASSWORD_FILE = "/run/secrets/pw";
    GPG_KEY = "0xABCDEF";
    AWS_ACCESS_KEY_ID = "AKIAEXAMPLE";
    SSH_AUTH_SOCK = "/run/user/1000/ssh-agent";
    PASSWORD_STORE_DIR = "/home/alice/.password-store";
  };
  systemd.services.app.environment = {
    API_TOKEN = "$API_TOKEN";
    DB_PASSWORD = config.my.dbPassword;
    DATABASE_URL = "postgres://app@db.local/app";
    SECRET_KEY = "";
  };
  systemd.services.app.serviceConfig.EnvironmentFile = "/run/secrets/app.env";
  virtualisation.oci-containers.containers.db.environmentFiles = [ "/run/secrets/db.env" ];
}
