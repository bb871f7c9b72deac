{
  environment.variables.GITHUB_TOKEN = "ghp_0123456789abcdefABCDEF0123456789abcd"; # expect: NIXSEC-SEC-006
  environment.sessionVariables.OPENAI_API_KEY = "sk-proj-abcdef"; # expect: NIXSEC-SEC-006
  systemd.services.app.environment.DATABASE_URL = "postgres://app:s3cretpw@db.local/app"; # expect: NIXSEC-SEC-006
  systemd.services.app.serviceConfig.Environment = [ "LOG_LEVEL=info" "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI" ]; # expect: NIXSEC-SEC-006
  systemd.services.web.serviceConfig.Environment = "PORT=80 SESSION_SECRET=abcdef123456"; # expect: NIXSEC-SEC-006
  virtualisation.oci-containers.containers.db.environment.POSTGRES_PASSWORD = "postgres-pw"; # expect: NIXSEC-SEC-006
  systemd.user.services.sync.environment.SYNC_AUTH_TOKEN = "abcdef0123"; # expect: NIXSEC-SEC-006
}
