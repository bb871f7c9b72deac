{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.Macs = [ "hmac-sha1" ];
  services.openssh.settings.Macs = lib.mkForce [ "hmac-sha2-512-etm@openssh.com" ];
}
