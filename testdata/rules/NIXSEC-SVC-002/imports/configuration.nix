{ ... }:
{
  imports = [ ./db.nix ];
  services.postgresql.enableTCPIP = true;
}
