{ lib, ... }:
{
  # nixsec-ignore NIXSEC-SUP-09: typo in the ID # expect: NIXSEC-CFG-001
  nixpkgs.config.allowBroken = true; # expect: NIXSEC-SUP-009
  # nixsec-ignore: a reason but no rule # expect: NIXSEC-CFG-001
  nixpkgs.config.allowUnsupportedSystem = true; # expect: NIXSEC-SUP-009
}
