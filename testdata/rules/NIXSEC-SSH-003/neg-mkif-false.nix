{ lib, ... }:
{
  services.openssh = lib.mkIf false { enable = true; };
  system.stateVersion = "24.05";
}
