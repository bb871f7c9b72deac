# This module only extends a container that a flake input's module declares
# (with its network settings): a bind mount and two guest options say
# nothing about privateNetwork.
{ inputs, config, ... }:
{
  imports = [ inputs.agents.nixosModules.default ];
  containers.worker.bindMounts."/srv/inbox" = {
    hostPath = "/var/lib/inbox";
    isReadOnly = true;
  };
  containers.worker.config.networking.extraHosts = config.networking.extraHosts;
  config.containers.worker.config.imports = [ ./guest-extra.nix ];
}
