{ config, lib, ... }:
let
  value = "0.0.0.0";
in
{
  services.mysql.enable = true;
  services.mysql.settings.mysqld."bind-address" = value; # expect: NIXSEC-SVC-003
}
