# A directory whose name only contains "templates" is not a template.
{
  imports = [ ./missing-host.nix ]; # expect: NIXSEC-MOD-001
}
