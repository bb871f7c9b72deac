{ pkgs, ... }:
let
  shared = { confinement.mode = "chroot-only"; };
in
{
  # Full API VFS confinement with explicit packages: the recommended form.
  systemd.services.myapp = {
    script = "exec ${pkgs.hello}/bin/hello";
    confinement = {
      enable = true;
      packages = [ pkgs.cacert ];
    };
  };
  # chroot-only without confinement enabled does nothing.
  systemd.services.other = shared // { script = "exec ${pkgs.hello}/bin/hello"; };
}
