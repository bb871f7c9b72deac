{ pkgs, ... }:
{
  # systemd-analyze security leaves oneshot units out of its overview.
  systemd.services.cleanup = {
    startAt = "daily";
    serviceConfig = {
      Type = "oneshot";
      ExecStart = "${pkgs.hello}/bin/hello";
    };
  };
  # DynamicUser plus a few directives bring it under 7.5.
  systemd.services.small.serviceConfig = {
    ExecStart = "${pkgs.hello}/bin/hello";
    DynamicUser = true;
    PrivateDevices = true;
    ProtectKernelTunables = true;
    CapabilityBoundingSet = "";
    SystemCallFilter = [ "@system-service" "~@privileged" "~@resources" ];
  };
}
