{ lib, ... }:
{
  users.users.ops = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    initialPassword = "changeme-now"; # expect: NIXSEC-SEC-001
  };
}
