{ pkgs, ... }:
{
  systemd.services.myapp = {
    script = "exec ${pkgs.hello}/bin/hello";
    confinement = {
      enable = true;
      mode = "chroot-only"; # expect: NIXSEC-SYSD-017
    };
  };
}
