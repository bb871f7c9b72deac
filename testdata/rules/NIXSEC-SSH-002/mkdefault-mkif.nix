{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.remote.enable {
    services.openssh.enable = lib.mkDefault true; # expect: NIXSEC-SSH-002 (possible)
  };
  system.stateVersion = "24.05";
}
