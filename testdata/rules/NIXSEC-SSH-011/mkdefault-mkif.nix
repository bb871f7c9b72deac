{ config, lib, ... }:
{
  config = lib.mkIf config.roles.server.enable {
    services.openssh.enable = lib.mkDefault true; # expect: NIXSEC-SSH-011 (possible)
  };
}
