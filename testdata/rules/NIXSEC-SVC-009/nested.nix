{
  services = {
    nginx.enable = true;
    avahi = {
      enable = true;
      publish.enable = true; # expect: NIXSEC-SVC-009
    };
  };
}
