{ pkgs, ... }:
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-016
    wantedBy = [ "multi-user.target" ];
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "myapp";
    };
  };
}
