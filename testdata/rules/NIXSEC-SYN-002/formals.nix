{ config, lib, config, ... }: # expect: NIXSEC-SYN-002
{
  networking.firewall.enable = true;
}
