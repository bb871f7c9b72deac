{ ... }:
{
  services.samba = {
    enable = true;
    openFirewall = true;
    settings = {
      global."server min protocol" = "NT1"; # expect: NIXSEC-SVC-007
      drop = {
        path = "/srv/drop";
        public = true; # expect: NIXSEC-SVC-007
        writable = "yes";
      };
    };
  };
}
