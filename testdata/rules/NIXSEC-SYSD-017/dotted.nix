{ pkgs, ... }:
{
  systemd.services.worker.script = "exec ${pkgs.hello}/bin/hello";
  systemd.services.worker.confinement.enable = true;
  systemd.services.worker.confinement.fullUnit = true; # expect: NIXSEC-SYSD-017
}
