{ ... }:
{
  services.samba = {
    enable = true;
    settings.media = {
      path = "/srv/media";
      "guest ok" = "yes";
      "read only" = "yes";
    };
    settings.home = {
      path = "/srv/home";
      "read only" = "no";
      "valid users" = "@smbusers";
    };
  };
}
