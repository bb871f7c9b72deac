{ config, lib, ... }:
{
  config = lib.mkIf config.roles.server.enable {
    system.stateVersion = "24.05";
    services.openssh.enable = lib.mkDefault true; # expect: NIXSEC-SSH-011 (possible)
  };
}
