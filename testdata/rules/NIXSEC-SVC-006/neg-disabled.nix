{ ... }:
{
  services.nfs.server.exports = "/srv *(rw,no_root_squash)";
}
