{ pkgs, ... }:
{
  networking.firewall.enable = false;

  systemd.services.myapp = {
    wantedBy = [ "multi-user.target" ];
    script = "exec ${pkgs.hello}/bin/hello";
  };
}
