{ ... }:
{
  services.openssh.enable = false;
}
