{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.remote.enable {
    services.openssh.enable = true;
    services.openssh.settings.X11Forwarding = lib.mkDefault true; # expect: NIXSEC-SSH-005 (possible)
  };
}
