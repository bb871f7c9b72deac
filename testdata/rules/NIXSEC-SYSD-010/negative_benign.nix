{ pkgs, ... }:
{
  # A non-root web server that binds port 443: the recommended form.
  systemd.services.web.serviceConfig = {
    ExecStart = "${pkgs.hello}/bin/hello";
    User = "web";
    CapabilityBoundingSet = [ "CAP_NET_BIND_SERVICE" ];
    AmbientCapabilities = [ "CAP_NET_BIND_SERVICE" ];
  };
  # Capabilities dropped by other directives do not count: PrivateDevices
  # drops CAP_SYS_RAWIO.
  systemd.services.raw.serviceConfig = {
    ExecStart = "${pkgs.hello}/bin/hello";
    PrivateDevices = true;
    CapabilityBoundingSet = [ "CAP_SYS_RAWIO" "CAP_CHOWN" ];
  };
}
