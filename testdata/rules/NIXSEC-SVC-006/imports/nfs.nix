{ ... }:
{
  services.nfs.server.exports = ''
    /srv 10.0.0.0/24(rw,no_root_squash,sync) # expect: NIXSEC-SVC-006
  '';
}
