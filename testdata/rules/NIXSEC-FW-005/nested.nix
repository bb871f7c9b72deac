{
  networking = {
    firewall = {
      allowedTCPPorts = [ 22 6379 ]; # expect: NIXSEC-FW-005
    };
  };
}
