{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.remote.enable {
    services.openssh.enable = true;
    services.openssh.settings.PermitEmptyPasswords = lib.mkDefault true; # expect: NIXSEC-SSH-004 (possible)
  };
}
