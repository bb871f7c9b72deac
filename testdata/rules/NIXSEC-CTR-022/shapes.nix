{ config, lib, ... }:
with lib;
let
  on = true;
in
{
  virtualisation.podman = {
    enable = true;
    dockerSocket = {
      enable = true; # expect: NIXSEC-CTR-022
    };
  };
  users.users.alice.extraGroups = [ "podman" ];
}
