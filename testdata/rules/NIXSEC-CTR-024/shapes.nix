{ config, lib, ... }:
with lib;
let
  nested = "true";
in
{
  virtualisation.incus = {
    enable = true;
    preseed = {
      config = {
        "core.https_address" = ":8443"; # expect: NIXSEC-CTR-024
        "core.trust_password" = mkForce "hunter2"; # expect: NIXSEC-CTR-024
      };
      profiles = [
        {
          name = "default";
          config = {
            "security.privileged" = "true"; # expect: NIXSEC-CTR-024
            "security.nesting" = nested; # expect: NIXSEC-CTR-024
            "raw.lxc" = "lxc.apparmor.profile = unconfined"; # expect: NIXSEC-CTR-024
            "limits.cpu" = "2";
          };
        }
      ];
    };
  };
}
