{
  virtualisation.lxc.defaultConfig = ''
    lxc.apparmor.profile = unconfined # expect: NIXSEC-CTR-025
  '';
}
