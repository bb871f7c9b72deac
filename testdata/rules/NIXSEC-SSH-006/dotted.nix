{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.Macs = [ "hmac-sha2-512-etm@openssh.com" "hmac-sha1" ]; # expect: NIXSEC-SSH-006
}
