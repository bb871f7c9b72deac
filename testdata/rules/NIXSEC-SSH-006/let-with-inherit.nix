{ lib, ... }:
with lib;
let
  Macs = [ "hmac-md5" ]; # expect: NIXSEC-SSH-006
in
{
  services.openssh.enable = true;
  services.openssh.settings = { inherit Macs; };
}
