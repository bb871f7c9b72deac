{ config, lib, ... }:
{
  config = lib.mkIf config.router.enable {
    networking.firewall.enable = lib.mkDefault false;
    networking.nftables = {
      enable = true;
      tables.filter = {
        family = "inet";
        content = ''
          chain input {
            type filter hook input priority 0; policy accept; # expect: NIXSEC-FW-002 (possible)
          }
        '';
      };
    };
  };
}
