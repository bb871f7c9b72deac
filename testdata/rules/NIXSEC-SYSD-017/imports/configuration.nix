{ ... }:
{
  imports = [ ./confine.nix ];
  systemd.services.queue.confinement.enable = true;
}
