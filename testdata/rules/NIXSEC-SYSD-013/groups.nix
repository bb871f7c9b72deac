{ pkgs, ... }:
{
  systemd.services.deployer = { # expect: NIXSEC-SYSD-013
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "deployer";
      RemoveIPC = true;
      SupplementaryGroups = [ "dialout" "docker" ];
    };
  };
}
