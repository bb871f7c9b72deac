{ config, lib, ... }:
{
  environment.systemPackages = [ pkgs.openssh ]; # expect: NIXSEC-SYN-003
}
