{
  virtualisation.oci-containers.containers.csi = {
    image = "example/csi:3";
    privileged = true; # expect: NIXSEC-CTR-008
  };
}
