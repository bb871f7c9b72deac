{
  networking = {
    firewall = {
      trustedInterfaces = [ "eth0" ]; # expect: NIXSEC-FW-006
    };
  };
}
