{ lib, ... }:
{
  services.mongodb.bind_ip = "0.0.0.0"; # expect: NIXSEC-SVC-004
}
