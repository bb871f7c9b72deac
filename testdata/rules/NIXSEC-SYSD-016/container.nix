{ pkgs, ... }:
{
  containers.web = {
    privateNetwork = true;
    config = { pkgs, ... }: {
      systemd.services.app = { # expect: NIXSEC-SYSD-016
        script = "exec ${pkgs.hello}/bin/hello";
        serviceConfig.DynamicUser = true;
      };
    };
  };
}
