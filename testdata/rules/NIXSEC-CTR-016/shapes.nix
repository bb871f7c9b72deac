{ config, lib, ... }:
with lib;
let
  rootUser = "0:0";
in
{
  virtualisation.oci-containers.containers = {
    app = {
      image = "example/app:1.0";
      user = "root"; # expect: NIXSEC-CTR-016
    };
    noUser = { # expect: NIXSEC-CTR-016 (possible)
      image = "example/other:1.0";
    };
  };
  virtualisation.oci-containers.containers.forced.user = mkForce "0"; # expect: NIXSEC-CTR-016
  virtualisation.oci-containers.containers.dbg = mkIf config.debug.enable {
    user = mkDefault "root:root"; # expect: NIXSEC-CTR-016 (possible)
  };
  virtualisation.oci-containers.containers.bound.user = rootUser; # expect: NIXSEC-CTR-016
  virtualisation.oci-containers.containers.flag.extraOptions = [ "--user=0" ]; # expect: NIXSEC-CTR-016
  virtualisation.oci-containers.containers.short.extraOptions = [ "-u" "root" ]; # expect: NIXSEC-CTR-016
}
