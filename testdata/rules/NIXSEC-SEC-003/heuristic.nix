{
  services.myapp.settings = {
    api_token = "ghp_0123456789abcdefABCDEF0123456789abcd"; # expect: NIXSEC-SEC-003
    database.password = "Tr0ub4dor3"; # expect: NIXSEC-SEC-003 (possible)
    oauth.clientSecret = "f3a9c1e07b2d4a6f"; # expect: NIXSEC-SEC-003 (possible)
  };
}
