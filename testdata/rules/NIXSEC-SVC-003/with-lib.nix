{ config, lib, ... }:
with lib;
{
  services.mysql.enable = true;
  services.mysql.settings.mysqld."bind-address" = mkOverride 90 ("0.0.0.0"); # expect: NIXSEC-SVC-003
}
