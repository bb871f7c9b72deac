# Placeholder hashes in option documentation (example, defaultText) show the
# shape of a value; they are not settings.
{ lib, ... }:
{
  options.my.source = lib.mkOption {
    type = lib.types.nullOr lib.types.str;
    default = null;
    example = ''builtins.fetchTarball { url = "https://example.org/src.tar.gz"; sha256 = "${lib.fakeHash}"; }'';
  };
  options.my.plugins = lib.mkOption {
    type = lib.types.listOf lib.types.attrs;
    default = [ ];
    example = [
      { name = "first"; hash = "sha256-..."; }
      { name = "second"; sha256 = lib.fakeSha256; }
    ];
  };
}
