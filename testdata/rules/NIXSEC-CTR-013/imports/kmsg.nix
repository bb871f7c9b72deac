{
  virtualisation.oci-containers.containers.logs.devices = [ "/dev/kmsg" ]; # expect: NIXSEC-CTR-013
}
