{ config, lib, pkgs, ... }:
with lib;
let
  password = "hunter2-lab";
in
{
  users.users.alice = mkMerge [
    { inherit password; } # expect: NIXSEC-SEC-001
  ];
}
