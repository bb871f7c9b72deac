{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.mysql.enable = true;
    }
    (lib.mkIf false { services.mysql.settings.mysqld."bind-address" = "0.0.0.0"; })
  ];
}
