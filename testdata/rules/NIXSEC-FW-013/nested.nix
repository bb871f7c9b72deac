{
  services = {
    prometheus = {
      exporters.node.enable = true;
      exporters.node.openFirewall = true; # expect: NIXSEC-FW-013
    };
  };
}
