{
  virtualisation.oci-containers.containers.proc.extraOptions = [ "--security-opt=unmask=ALL" ]; # expect: NIXSEC-CTR-014
}
