{ pkgs, ... }:
{
  services.postgresql = {
    enable = true;
    enableTCPIP = true;
    authentication = pkgs.lib.mkOverride 10 ''
      # TYPE  DATABASE USER ADDRESS      METHOD
      local   all      all               trust # expect: NIXSEC-SVC-002
      host    all      all  127.0.0.1/32 trust # expect: NIXSEC-SVC-002
      host    all      all  0.0.0.0/0    trust # expect: NIXSEC-SVC-002
      host    app      app  10.0.0.0/24  scram-sha-256
      hostssl all      all  10.1.0.0 255.255.0.0 password # expect: NIXSEC-SVC-002
    '';
  };
}
