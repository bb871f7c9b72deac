{ config, ... }:
{
  environment.etc."ssl/ca.crt".source = ./ca.crt;
  environment.etc."ssh/ca.pub".source = ./ca.pub;
  environment.etc."app/config.ini".text = ''
    ; password = commented out
    password_file = /run/secrets/app
    password = ''${DB_PASSWORD}
    token = @TOKEN@
    secret: ${config.sops.placeholder.app-secret}
    use_password = true
  '';
  environment.etc."ssl/ca.pem".text = ''
    -----BEGIN CERTIFICATE-----
    MIIBszCCAVmgAwIBAgIU
    -----END CERTIFICATE-----
  '';
}
