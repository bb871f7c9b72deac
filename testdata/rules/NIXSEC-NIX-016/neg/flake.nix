{
  nixConfig.bash-prompt = "dev> ";
  nixConfig.commit-lockfile-summary = "flake: update";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { self, nixpkgs }: { };
}
