{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.remote.enable {
    services.openssh.enable = true;
    services.openssh.settings.PermitRootLogin = lib.mkDefault "yes"; # expect: NIXSEC-SSH-001 (possible)
  };
}
