{ config, lib, ... }:
{
  imports = [
    ./_present.nix
    ./does-not-exist.nix # expect: NIXSEC-MOD-001
    ./no-such-dir # expect: NIXSEC-MOD-001
  ];
  networking.hostName = "web";
}
