{
  users.users.alice.isNormalUser = true; # expect: NIXSEC-NIX-006
  users.users.bob = { isNormalUser = true; };
}
