{ ... }:
{
  networking.firewall.enable = true;
  specialisation.debug.configuration = {
    networking.firewall.enable = false; # expect: NIXSEC-FW-001
  };
}
