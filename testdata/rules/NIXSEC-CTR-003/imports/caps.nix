{
  containers.net.additionalCapabilities = [ "CAP_NET_ADMIN" ]; # expect: NIXSEC-CTR-003
}
