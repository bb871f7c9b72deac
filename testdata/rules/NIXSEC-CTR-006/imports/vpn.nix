{
  containers.vpn = {
    autoStart = true;
    enableTun = true; # expect: NIXSEC-CTR-006
  };
}
