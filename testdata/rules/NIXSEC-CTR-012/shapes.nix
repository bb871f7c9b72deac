{ config, lib, ... }:
with lib;
let
  keys = "/root/.ssh:/keys:rw";
in
{
  virtualisation.oci-containers.containers = {
    app = {
      image = "example/app:1.0";
      volumes = [
        "/srv/app:/data"
        "/etc/ssh:/host-ssh" # expect: NIXSEC-CTR-012
        "/etc:/host-etc" # expect: NIXSEC-CTR-012
        "/:/host:ro" # expect: NIXSEC-CTR-012
      ];
    };
  };
  virtualisation.oci-containers.containers.state.volumes = mkForce [ "/var/lib:/state:z" ]; # expect: NIXSEC-CTR-012
  virtualisation.oci-containers.containers.dbg = mkIf config.debug.enable {
    volumes = mkDefault [ "/boot:/boot:rw,z" ]; # expect: NIXSEC-CTR-012 (possible)
  };
  virtualisation.oci-containers.containers.keys.volumes = [ keys ]; # expect: NIXSEC-CTR-012
  virtualisation.oci-containers.containers.flags.extraOptions = [
    "--volume" # expect: NIXSEC-CTR-012
    "/home:/home"
    "--mount=type=bind,source=/run/secrets,target=/secrets" # expect: NIXSEC-CTR-012
  ];
}
