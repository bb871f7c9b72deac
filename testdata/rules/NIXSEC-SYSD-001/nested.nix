{ pkgs, ... }:
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-001
    wantedBy = [ "multi-user.target" ];
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
    };
  };
}
