{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.KexAlgorithms = lib.mkForce [ "curve25519-sha256" "diffie-hellman-group1-sha1" ]; # expect: NIXSEC-SSH-006
}
