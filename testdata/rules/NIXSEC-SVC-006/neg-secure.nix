{ ... }:
{
  services.nfs.server = {
    enable = true;
    exports = ''
      # /srv *(rw,no_root_squash)
      /srv/home 192.168.1.0/24(rw,sync,root_squash) 10.0.0.2(ro)
      /srv/pub  *(ro,all_squash)
    '';
  };
}
