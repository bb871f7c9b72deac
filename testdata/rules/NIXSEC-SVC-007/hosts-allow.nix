{ ... }:
{
  services.samba = {
    enable = true;
    openFirewall = true;
    settings = {
      global = {
        "hosts allow" = "192.168.0. 127.0.0.1 localhost";
        "hosts deny" = "0.0.0.0/0";
        "map to guest" = "bad user";
      };
      public = {
        path = "/mnt/share";
        "read only" = "no";
        "guest ok" = "yes"; # expect: NIXSEC-SVC-007
      };
    };
  };
}
