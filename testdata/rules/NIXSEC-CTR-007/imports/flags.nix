{
  containers.root.extraFlags = [ "--bind=/:/host" ]; # expect: NIXSEC-CTR-007
}
