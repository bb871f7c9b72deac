{ ... }:
{
  services.openssh.enable = true;
  services.openssh.authorizedKeysInHomedir = true; # expect: NIXSEC-SSH-010
  users.users.deploy.openssh.authorizedKeys.keyFiles = [ ./deploy.pub ];
  system.stateVersion = "24.05";
}
