{
  nix.settings.post-build-hook = "/home/alice/upload.sh"; # expect: NIXSEC-NIX-014
  nix.extraOptions = ''
    plugin-files = plugins/libnix-plugin.so # expect: NIXSEC-NIX-014
  '';
}
