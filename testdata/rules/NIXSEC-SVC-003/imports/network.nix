{ lib, ... }:
{
  services.mysql.settings.mysqld."bind-address" = "0.0.0.0"; # expect: NIXSEC-SVC-003
}
