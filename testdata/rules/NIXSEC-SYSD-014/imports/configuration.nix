{ ... }:
{
  imports = [ ./overrides.nix ];
  services.postgresql.enable = true;
}
