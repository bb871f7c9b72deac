{ config, lib, ... }:
{
  config = lib.mkIf config.services.jellyfin.enable {
    systemd.services.jellyfin.serviceConfig = {
      PrivateDevices = lib.mkForce false; # expect: NIXSEC-SYSD-014 (possible)
      DeviceAllow = [ "/dev/dri/renderD128" ];
    };
  };
}
