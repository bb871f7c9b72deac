{
  imports = [ ./users.nix ];
  services.openssh.enable = true;
}
