{ pkgs, ... }:
let
  common = { Restart = "always"; };
in
{
  # serviceConfig is a let-bound set: the finding stands, but no edit is
  # offered (adding serviceConfig.X next to `serviceConfig = common;` would
  # define serviceConfig twice).
  systemd.services.app = { # expect: NIXSEC-SYSD-016
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = common;
  };
}
