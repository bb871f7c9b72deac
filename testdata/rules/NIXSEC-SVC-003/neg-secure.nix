{ ... }:
{
  services.mysql.enable = true;
  services.mysql.settings.mysqld."bind-address" = "127.0.0.1";
}
