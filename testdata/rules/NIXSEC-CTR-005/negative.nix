{ lib, ... }:
{
  options.my.mounts = lib.mkOption {
    type = lib.types.attrs;
    example = { "/etc" = { isReadOnly = false; }; };
  };
  # containers.old.bindMounts."/etc".isReadOnly = false;
  containers.web.bindMounts = {
    "/etc/nginx" = { hostPath = "/etc/nginx"; };
    "/host" = { hostPath = "/"; isReadOnly = true; };
    "/computed" = { hostPath = "/etc"; isReadOnly = lib.elem "x" [ "y" ]; };
  };
  # Daemon sockets are NIXSEC-CTR-011.
  containers.ci.bindMounts."/run/docker.sock".isReadOnly = false;
  virtualisation.vmVariant.containers.test.bindMounts."/etc".isReadOnly = false;
}
