{
  virtualisation.containers.registries.insecure = [ "build.lan" ]; # expect: NIXSEC-CTR-023
}
