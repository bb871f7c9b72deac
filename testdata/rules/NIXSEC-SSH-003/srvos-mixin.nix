# srvos mixins do not include its common module: the default still applies.
{ self, ... }:
{
  imports = [ self.inputs.srvos.nixosModules.mixins-terminfo ];
  services.openssh.enable = true; # expect: NIXSEC-SSH-003
  system.stateVersion = "24.05";
}
