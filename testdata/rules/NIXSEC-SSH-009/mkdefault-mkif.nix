{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.remote.enable {
    services.openssh.enable = true;
    services.openssh.settings.LogLevel = lib.mkDefault "ERROR"; # expect: NIXSEC-SSH-009 (possible)
  };
}
