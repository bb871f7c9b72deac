{ pkgs, ... }:
let
  hardening = {
    User = "a";
    RemoveIPC = true;
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-013
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      NotifyAccess = "all";
      RemoveIPC = true;
    };
  };
}
