{ ... }:
{
  services.printing = {
    enable = true;
    browsed.enable = false;
    browsing = true; # expect: NIXSEC-SVC-008
    listenAddresses = [ "localhost:631" "*:631" ]; # expect: NIXSEC-SVC-008
  };
}
