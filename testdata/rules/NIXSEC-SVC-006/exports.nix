{ ... }:
{
  services.nfs.server = {
    enable = true;
    exports = ''
      /srv/home   192.168.1.0/24(rw,sync,no_subtree_check)
      /srv/boot   10.0.0.0/24(rw,no_root_squash) # expect: NIXSEC-SVC-006
      /srv/public *(rw,sync) # expect: NIXSEC-SVC-006
      /srv/media  192.168.1.5 (rw) # expect: NIXSEC-SVC-006
      /srv/old    10.0.0.9(ro,insecure) # expect: NIXSEC-SVC-006
    '';
  };
}
