{ ... }:
{
  services.mysql = {
    enable = true;
    settings.mysqld = {
      skip-grant-tables = true; # expect: NIXSEC-SVC-003
      bind-address = "127.0.0.1";
    };
  };
}
