{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.mysql.enable = true;
    }
    { services.mysql.settings.mysqld."bind-address" = lib.mkDefault "0.0.0.0"; }
    { services.mysql.settings.mysqld."bind-address" = "127.0.0.1"; }
  ];
}
