{ ... }:
{
  services.openssh = {
    enable = true; # expect: NIXSEC-SSH-010
    settings.PasswordAuthentication = false;
  };
  users.users.alice.openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample alice" ];
  system.stateVersion = "24.05";
}
