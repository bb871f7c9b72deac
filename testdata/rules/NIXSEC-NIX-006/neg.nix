{
  # One login user: nothing to restrict.
  users.users.alice.isNormalUser = true;
  users.users.nginx.isSystemUser = true;
}
