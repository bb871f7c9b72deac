{ lib, ... }:
{
  options.my.settings = lib.mkOption {
    type = lib.types.attrs;
    example = { iptables = false; };
  };
  virtualisation.docker = {
    enable = true;
    daemon.settings = {
      # iptables = false;
      "no-new-privileges" = true;
      "userns-remap" = "default";
      icc = false;
      "insecure-registries" = [ ];
    };
  };
}
