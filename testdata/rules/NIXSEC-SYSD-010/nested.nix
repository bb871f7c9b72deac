{ pkgs, ... }:
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-010
    wantedBy = [ "multi-user.target" ];
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "myapp";
    };
  };
}
