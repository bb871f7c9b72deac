{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.remote.enable {
    services.openssh.enable = true;
    services.openssh.settings.StrictModes = lib.mkDefault false; # expect: NIXSEC-SSH-008 (possible)
  };
}
