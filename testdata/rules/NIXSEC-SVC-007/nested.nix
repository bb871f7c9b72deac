{
  services = {
    samba = {
      enable = true;
      settings.public.path = "/srv/public";
      settings.public."read only" = "no";
      settings.public."guest ok" = "yes"; # expect: NIXSEC-SVC-007
    };
  };
}
