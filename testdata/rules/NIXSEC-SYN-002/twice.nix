{ config, lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.enable = false; # expect: NIXSEC-SYN-002
}
