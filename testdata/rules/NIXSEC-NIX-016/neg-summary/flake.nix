# commit-lock-file-summary (and its older spelling) is on Nix's list of
# nixConfig settings applied without asking: no trust is widened.
{
  nixConfig.commit-lock-file-summary = "chore: bump inputs";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { self, nixpkgs }: { };
}
