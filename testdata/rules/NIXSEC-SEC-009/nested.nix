{ config, lib, pkgs, ... }:
{
  networking = {
    wireless = {
      networks = {
        home = {
          psk = "correct horse battery"; # expect: NIXSEC-SEC-009
        };
      };
    };
  };
}
