{ config, lib, ... }:
with lib;
{
  services.mongodb.enable = true;
  services.mongodb.bind_ip = mkOverride 90 ("0.0.0.0"); # expect: NIXSEC-SVC-004
}
