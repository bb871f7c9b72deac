{ config, lib, ... }:
with lib;
let
  enable = true;
  KbdInteractiveAuthentication = true;
in
{
  services.openssh = {
    inherit enable;
    settings = { inherit KbdInteractiveAuthentication; }; # expect: NIXSEC-SSH-003
  };
  system.stateVersion = "24.05";
}
