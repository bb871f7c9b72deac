{ config, lib, ... }:
with lib;
let
  PermitEmptyPasswords = true;
in
{
  services.openssh = {
    enable = mkDefault true;
    settings = { inherit PermitEmptyPasswords; }; # expect: NIXSEC-SSH-004
  };
}
