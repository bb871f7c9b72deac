{ config, lib, ... }:
with lib;
let
  PermitRootLogin = "yes";
in
{
  services.openssh = {
    enable = mkDefault true;
    settings = { inherit PermitRootLogin; }; # expect: NIXSEC-SSH-001
  };
}
