{ ... }:
{
  imports = [ ./services.nix ];
  systemd.services.queue.wantedBy = [ "multi-user.target" ];
}
