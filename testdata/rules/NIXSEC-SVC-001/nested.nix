{
  services = {
    redis = {
      servers.cache.enable = true;
      servers.cache.port = 6379;
      servers.cache.settings."protected-mode" = "no";
      servers.cache.bind = "0.0.0.0"; # expect: NIXSEC-SVC-001
    };
  };
}
