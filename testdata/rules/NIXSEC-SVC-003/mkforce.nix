{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.mysql.enable = true;
    }
    { services.mysql.settings.mysqld."bind-address" = "127.0.0.1"; }
    { services.mysql.settings.mysqld."bind-address" = lib.mkForce "0.0.0.0"; } # expect: NIXSEC-SVC-003
  ];
}
