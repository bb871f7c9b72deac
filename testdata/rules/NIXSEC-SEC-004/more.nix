{
  environment.etc."app/config.ini".text = ''
    [db]
    host = db.local
    db_password = "s3cr3t-db" # expect: NIXSEC-SEC-004
  '';
  environment.etc."app/tls.key".text = ''
    -----BEGIN PRIVATE KEY----- # expect: NIXSEC-SEC-004
    MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
    -----END PRIVATE KEY-----
  '';
  environment.etc."app/api.env".source = ./app.env; # expect: NIXSEC-SEC-004
  environment.etc."wireguard/wg0.key".source = ./wg0.key; # expect: NIXSEC-SEC-004
}
