{ pkgs, ... }:
{
  environment.systemPackages = [
    (import (builtins.fetchTarball {
      url = "http://example.com/tool.tar.gz";
      sha256 = "0000000000000000000000000000000000000000000000000000";
    }) { })
  ];
}
