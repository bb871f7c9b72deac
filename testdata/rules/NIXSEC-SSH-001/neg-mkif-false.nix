{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings = lib.mkIf false { PermitRootLogin = "yes"; };
}
