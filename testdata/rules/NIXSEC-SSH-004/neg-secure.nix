{ ... }:
{
  services.openssh = {
    enable = true;
    settings.PermitEmptyPasswords = false;
  };
}
