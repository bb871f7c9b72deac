{ ... }:
{
  services.printing = {
    enable = true;
    browsed.enable = true; # expect: NIXSEC-SVC-008
    browsedConf = ''
      BrowseRemoteProtocols dnssd cups
    '';
  };
}
