{ lib, ... }:
with lib;
let
  hba = ''
    host all all all md5 # expect: NIXSEC-SVC-002
    hostnossl app app 10.0.0.0/8 scram-sha-256 # expect: NIXSEC-SVC-002
  '';
in
{
  services.postgresql = {
    enable = true;
    settings.listen_addresses = mkForce "*";
    authentication = hba;
  };
}
