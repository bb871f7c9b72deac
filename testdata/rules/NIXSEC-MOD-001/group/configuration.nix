# Files of one fixture are linted together: hosts/default.nix is imported
# (as a directory), so it is not an entry point of its own.
{
  imports = [ ./hosts ./secrets.nix ]; # expect: NIXSEC-MOD-001
}
