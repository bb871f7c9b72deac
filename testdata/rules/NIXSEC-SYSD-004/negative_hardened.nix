{ pkgs, ... }:
{
  systemd.services.myapp = {
    wantedBy = [ "multi-user.target" ];
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "myapp";
      PrivateDevices = true;
      DevicePolicy = "closed";
    };
  };
}
