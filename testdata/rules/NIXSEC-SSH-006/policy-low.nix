{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.KexAlgorithms = [ "curve25519-sha256" "ecdh-sha2-nistp256" ]; # expect: NIXSEC-SSH-006
  services.openssh.settings.Macs = [
    "hmac-sha2-256" # expect: NIXSEC-SSH-006
    "hmac-sha2-256-etm@openssh.com"
  ];
}
