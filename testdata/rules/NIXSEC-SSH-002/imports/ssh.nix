{ ... }:
{
  services.openssh.enable = true; # expect: NIXSEC-SSH-002
}
