{ ... }:
{
  services.openssh.enable = true;
  services.openssh.kexAlgorithms = [ "diffie-hellman-group14-sha1" ]; # expect: NIXSEC-SSH-006
}
