{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.profiles.legacy.enable {
    networking.wireguard.interfaces.wg0.privateKeyFile = lib.mkDefault ./keys/wg0.key; # expect: NIXSEC-SEC-005 (possible)
  };
}
