{ config, lib, ... }:
{
  config = lib.mkIf false {
    environment.etc."smbcredentials".text = "username=alice\npassword=hunter2\n";
  };
}
