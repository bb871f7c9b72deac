{ pkgs, ... }:
{
  systemd.services.agent.serviceConfig = { # expect: NIXSEC-SYSD-010
    ExecStart = "${pkgs.hello}/bin/hello";
    # A deny-list keeps everything else, CAP_SYS_ADMIN included.
    CapabilityBoundingSet = "~CAP_SYS_BOOT";
  };
}
