{ lib, ... }:
{
  services.openssh = lib.mkIf false { enable = true; };
}
