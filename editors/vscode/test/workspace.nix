{ config, lib, pkgs, ... }:
{
  networking.firewall.enable = false;

  nixpkgs.config.allowBroken = true;

  imports = [
    (import (builtins.fetchTarball "https://github.com/example/modules/archive/master.tar.gz"))
  ];

  systemd.services.myapp.script = "exec ${pkgs.hello}/bin/hello";
}
