{
  virtualisation.oci-containers.containers.app.volumes = [ "/etc/nixos:/config" ]; # expect: NIXSEC-CTR-012
}
