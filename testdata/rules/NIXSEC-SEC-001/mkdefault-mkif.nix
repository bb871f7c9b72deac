{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.profiles.legacy.enable {
    users.users.alice.password = lib.mkDefault "hunter2-lab"; # expect: NIXSEC-SEC-001 (possible)
  };
}
