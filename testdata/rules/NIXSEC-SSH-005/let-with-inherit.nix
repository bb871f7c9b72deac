{ config, lib, ... }:
with lib;
let
  X11Forwarding = true;
in
{
  services.openssh = {
    enable = mkDefault true;
    settings = { inherit X11Forwarding; }; # expect: NIXSEC-SSH-005
  };
}
