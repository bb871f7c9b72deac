{
  networking = {
    firewall = {
      allowedTCPPortRanges = [ { from = 1000; to = 65535; } ]; # expect: NIXSEC-FW-004
    };
  };
}
