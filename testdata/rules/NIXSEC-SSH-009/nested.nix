{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      LogLevel = "ERROR"; # expect: NIXSEC-SSH-009
      PasswordAuthentication = false;
    };
  };
}
