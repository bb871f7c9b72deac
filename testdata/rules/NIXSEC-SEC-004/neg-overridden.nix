{ config, lib, ... }:
{
  environment.etc."smbcredentials".text = "username=alice\npassword=hunter2\n";
  environment.etc."smbcredentials".text = lib.mkForce null;
}
