# A module fragment (no system.stateVersion): the host that imports it,
# which may set PasswordAuthentication, is not part of the analysis.
{ modulesPath, ... }:
{
  imports = [ "${modulesPath}/profiles/qemu-guest.nix" ];
  services.qemuGuest.enable = true;
  services.openssh.enable = true; # expect: NIXSEC-SSH-002 (possible)
}
