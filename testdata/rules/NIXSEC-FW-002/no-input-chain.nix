{ ... }:
{
  networking.firewall.enable = false;
  networking.nftables.enable = true;
  networking.nftables.tables.nat = {
    family = "ip";
    content = '' # expect: NIXSEC-FW-002
      chain postrouting {
        type nat hook postrouting priority 100;
        oifname "eth0" masquerade
      }
    '';
  };
}
