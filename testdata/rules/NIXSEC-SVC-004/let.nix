{ config, lib, ... }:
let
  value = "0.0.0.0";
in
{
  services.mongodb.enable = true;
  services.mongodb.bind_ip = value; # expect: NIXSEC-SVC-004
}
