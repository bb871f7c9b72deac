{ config, lib, ... }:
let
  exportLine = "/export 0.0.0.0/0(rw,no_root_squash)"; # expect: NIXSEC-SVC-006 (possible)
in
{
  services.nfs.server = lib.mkIf config.nfs.share {
    enable = true;
    exports = lib.mkDefault exportLine;
  };
}
