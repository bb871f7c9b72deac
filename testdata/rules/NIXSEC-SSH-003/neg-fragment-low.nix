# Passwords are off; in a module fragment the low keyboard-interactive
# finding about a default would be a guess.
{ ... }:
{
  services.openssh = {
    enable = true;
    settings.PasswordAuthentication = false;
  };
}
