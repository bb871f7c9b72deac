{
  virtualisation.docker = {
    enable = true; # expect: NIXSEC-CTR-020
    daemon.settings = {
      "log-driver" = "journald";
    };
  };
}
