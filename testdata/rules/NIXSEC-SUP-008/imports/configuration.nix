{ ... }:
{
  imports = [ ./_insecure.nix ];
}
