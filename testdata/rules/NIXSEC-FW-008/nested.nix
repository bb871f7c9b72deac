{
  networking = {
    firewall = {
      allowPing = true; # expect: NIXSEC-FW-008
    };
  };
}
