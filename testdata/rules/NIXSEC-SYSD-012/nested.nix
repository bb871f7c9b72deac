{ pkgs, ... }:
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-012
    wantedBy = [ "multi-user.target" ];
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "myapp";
    };
  };
}
