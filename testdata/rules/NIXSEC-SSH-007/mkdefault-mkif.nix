{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.remote.enable {
    services.openssh.enable = true;
    services.openssh.settings.GatewayPorts = lib.mkDefault "yes"; # expect: NIXSEC-SSH-007 (possible)
  };
}
