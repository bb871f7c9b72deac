{ ... }:
{
  imports = [ ./registries.nix ];
  virtualisation.containers.policy.default = [ { type = "reject"; } ];
}
