{
  users.users.alice.isNormalUser = true;
  users.users.bob.isNormalUser = true;
  nix.settings.allowed-users = [ "@wheel" ];
}
