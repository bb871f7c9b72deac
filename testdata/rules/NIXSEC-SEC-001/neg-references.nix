{ config, ... }:
{
  users.users.alice = {
    isNormalUser = true;
    hashedPasswordFile = config.sops.secrets.alice-password.path;
  };
  users.users.bob.hashedPasswordFile = "/run/secrets/bob-password";
  users.users.carol.password = null;
  users.users.dave.initialPassword = config.my.generatedPassword;
}
