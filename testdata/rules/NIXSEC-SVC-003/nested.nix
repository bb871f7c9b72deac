{
  services = {
    mysql = {
      enable = true;
      settings.mysqld."bind-address" = "0.0.0.0"; # expect: NIXSEC-SVC-003
    };
  };
}
