{ config, lib, ... }:
{
  config = lib.mkIf config.legacyClients.enable {
    services.openssh.enable = true;
    services.openssh.settings.Ciphers = lib.mkDefault [ "3des-cbc" ]; # expect: NIXSEC-SSH-006 (possible)
  };
}
