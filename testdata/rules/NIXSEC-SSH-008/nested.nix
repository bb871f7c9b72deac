{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      StrictModes = false; # expect: NIXSEC-SSH-008
      PasswordAuthentication = false;
    };
  };
}
