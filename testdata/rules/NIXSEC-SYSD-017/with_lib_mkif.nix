{ config, lib, pkgs, ... }:
with lib;
{
  config = mkIf config.services.worker.enable {
    systemd.services.worker = {
      script = "exec ${pkgs.hello}/bin/hello";
      confinement.enable = mkDefault true;
      confinement.mode = mkForce "chroot-only"; # expect: NIXSEC-SYSD-017 (possible)
    };
  };
}
