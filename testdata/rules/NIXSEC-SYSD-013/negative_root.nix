{ pkgs, ... }:
{
  # RemoveIPC= does not apply to a root service; an ordinary extra group is fine.
  systemd.services.rootjob.script = "exec ${pkgs.hello}/bin/hello";
  systemd.services.serial.serviceConfig = {
    ExecStart = "${pkgs.hello}/bin/hello";
    User = "serial";
    RemoveIPC = true;
    SupplementaryGroups = [ "dialout" ];
  };
}
