{
  virtualisation.oci-containers.containers.raw.capabilities.SYS_RAWIO = true; # expect: NIXSEC-CTR-009
}
