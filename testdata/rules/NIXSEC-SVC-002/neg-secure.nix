{ ... }:
{
  services.postgresql = {
    enable = true;
    enableTCPIP = true;
    authentication = ''
      local all all peer
      # host all all 0.0.0.0/0 trust
      hostssl app app 10.0.0.0/24 scram-sha-256
      host all all 127.0.0.1/32 scram-sha-256
      host all all 0.0.0.0/0 reject
    '';
  };
}
