{
  users.users.alice.hashedPassword = "!";
  users.users.bob.hashedPassword = "*";
  users.users.carol.hashedPassword = null;
  users.users.root.hashedPassword = "!!";
  users.users.dave.hashedPasswordFile = "/run/secrets/dave-hash";
}
