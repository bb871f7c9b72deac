{ pkgs, ... }:
{
  systemd.services.queue.script = "exec ${pkgs.hello}/bin/hello";
  systemd.services.queue.confinement.mode = "chroot-only"; # expect: NIXSEC-SYSD-017
}
