{ config, lib, ... }:
{
  config = lib.mkIf config.roles.server.enable {
    system.stateVersion = "24.05";
    services.openssh.enable = lib.mkDefault true; # expect: NIXSEC-SSH-010 (possible)
    users.users.root.openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample admin" ];
  };
}
