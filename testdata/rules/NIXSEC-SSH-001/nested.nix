{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      PermitRootLogin = "yes"; # expect: NIXSEC-SSH-001
      PasswordAuthentication = false;
    };
  };
}
