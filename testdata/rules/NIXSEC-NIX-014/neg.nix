{ pkgs, ... }:
{
  nix.settings.post-build-hook = pkgs.writeShellScript "upload" "exec true";
  nix.settings.diff-hook = ./diff-hook.sh;
  nix.settings.plugin-files = [ "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-nix-plugins/lib/nix/plugins" ];
}
