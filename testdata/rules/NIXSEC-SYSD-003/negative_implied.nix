{ pkgs, ... }:
{
  # DynamicUser implies ProtectSystem=strict, ProtectHome=read-only, PrivateTmp.
  systemd.services.myapp.serviceConfig = {
    ExecStart = "${pkgs.hello}/bin/hello";
    DynamicUser = true;
  };
  # An early-boot unit: systemd-analyze does not assess these rows for it.
  systemd.services.early = {
    unitConfig.DefaultDependencies = false;
    serviceConfig.ExecStart = "${pkgs.hello}/bin/hello";
  };
}
