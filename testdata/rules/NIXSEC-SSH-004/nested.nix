{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      PermitEmptyPasswords = true; # expect: NIXSEC-SSH-004
      PasswordAuthentication = false;
    };
  };
}
