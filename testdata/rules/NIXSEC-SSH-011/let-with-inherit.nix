{ lib, ... }:
with lib;
let
  enable = true;
in
{
  services.openssh = { inherit enable; }; # expect: NIXSEC-SSH-011
  system.stateVersion = "24.05";
}
