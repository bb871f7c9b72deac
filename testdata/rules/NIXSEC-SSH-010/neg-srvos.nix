# srvos trusts only /etc/ssh/authorized_keys.d (authorizedKeysFiles, forced).
{ self, ... }:
{
  imports = [ self.inputs.srvos.nixosModules.desktop ];
  services.openssh.enable = true;
  users.users.alice.openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample alice" ];
  system.stateVersion = "24.05";
}
