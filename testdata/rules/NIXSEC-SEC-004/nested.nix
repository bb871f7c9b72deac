{ config, lib, pkgs, ... }:
{
  environment = {
    etc = {
      "smbcredentials" = {
        text = "username=alice\npassword=hunter2\n"; # expect: NIXSEC-SEC-004
      };
    };
  };
}
