{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      X11Forwarding = true; # expect: NIXSEC-SSH-005
      PasswordAuthentication = false;
    };
  };
}
