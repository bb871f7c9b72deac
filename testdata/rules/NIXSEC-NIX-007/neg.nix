{ lib, ... }:
{
  nix.settings.sandbox = true;
  nix.settings.sandbox-fallback = false;
}
