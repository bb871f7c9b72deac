{ pkgs, ... }:
{
  # The catalog's hardened template (Part C.4).
  systemd.services.api = {
    wantedBy = [ "multi-user.target" ];
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      DynamicUser = true;
      StateDirectory = "api";
      NoNewPrivileges = true;
      PrivateTmp = true; PrivateDevices = true; PrivateUsers = true;
      ProtectSystem = "strict"; ProtectHome = true;
      ProtectKernelTunables = true; ProtectKernelModules = true; ProtectKernelLogs = true;
      ProtectControlGroups = true; ProtectClock = true; ProtectHostname = true;
      ProtectProc = "invisible"; ProcSubset = "pid";
      RestrictAddressFamilies = [ "AF_UNIX" "AF_INET" "AF_INET6" ];
      RestrictNamespaces = true; RestrictRealtime = true; RestrictSUIDSGID = true;
      LockPersonality = true; MemoryDenyWriteExecute = true;
      SystemCallArchitectures = "native";
      SystemCallFilter = [ "@system-service" "~@privileged" "~@resources" ];
      CapabilityBoundingSet = "";
      AmbientCapabilities = "";
      DevicePolicy = "closed";
      UMask = "0077";
      RemoveIPC = true;
    };
  };

  systemd.services.backup = {
    startAt = "daily";
    serviceConfig = {
      Type = "oneshot";
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "backup";
    };
  };
}
