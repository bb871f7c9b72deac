{ ... }:
{
  imports = [ ./hooks.nix ];
  systemd.services.queue.serviceConfig.User = "queue";
}
