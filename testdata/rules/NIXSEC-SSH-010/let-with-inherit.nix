{ lib, ... }:
with lib;
let
  keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample admin" ];
in
{
  services.openssh.enable = mkDefault true; # expect: NIXSEC-SSH-010
  users.users.admin.openssh.authorizedKeys = { inherit keys; };
  system.stateVersion = "24.05";
}
