{ config, lib, ... }:
with lib;
let
  enable = true;
  PasswordAuthentication = true;
in
{
  services.openssh = {
    inherit enable;
    settings = { inherit PasswordAuthentication; }; # expect: NIXSEC-SSH-002
  };
  system.stateVersion = "24.05";
}
