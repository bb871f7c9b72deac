{ ... }:
{
  services.openssh = {
    enable = true;
    settings.X11Forwarding = false;
  };
}
