{ pkgs, ... }:
{
  systemd.services.myapp = {
    wantedBy = [ "multi-user.target" ];
    serviceConfig = {
      User = "myapp";
      ExecStartPre = "+${pkgs.coreutils}/bin/chown -R myapp /var/lib/myapp"; # expect: NIXSEC-SYSD-015
      ExecStart = "${pkgs.hello}/bin/hello";
      ExecReload = "-${pkgs.coreutils}/bin/kill -HUP $MAINPID";
    };
  };
}
