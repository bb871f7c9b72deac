{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.LogLevel = "ERROR";
  services.openssh.settings.LogLevel = lib.mkForce "VERBOSE";
}
