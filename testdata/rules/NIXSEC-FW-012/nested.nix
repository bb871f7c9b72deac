{
  networking = {
    nat = {
      externalInterface = "eth0";
      enable = true; # expect: NIXSEC-FW-012
    };
  };
}
