{
  containers.proxy = { # expect: NIXSEC-CTR-001
    autoStart = true;
    additionalCapabilities = [ "CAP_NET_ADMIN" ];
  };
}
