# srvos's common module (imported by its server and desktop modules) turns
# password and keyboard-interactive logins off.
{ inputs, ... }:
{
  imports = [ inputs.srvos.nixosModules.server ];
  services.openssh.enable = true;
  system.stateVersion = "24.05";
}
