{ pkgs, ... }:
{
  # systemd-analyze security leaves oneshot units out of its overview, but
  # an unhardened job still gets one (low) finding instead of a dozen gaps.
  systemd.services.cleanup = { # expect: NIXSEC-SYSD-016
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
