{ config, lib, ... }:
{
  config = lib.mkIf config.office.enable {
    nix.binaryCaches = lib.mkDefault [ "http://10.0.0.5:5000" ]; # expect: NIXSEC-NIX-002 (possible)
  };
}
