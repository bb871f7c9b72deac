{ lib, ... }:
{
  containers.guest.privateUsers = lib.mkDefault "no"; # expect: NIXSEC-CTR-002
}
