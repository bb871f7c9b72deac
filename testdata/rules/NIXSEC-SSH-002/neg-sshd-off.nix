{ ... }:
{
  services.openssh.enable = false;
  system.stateVersion = "24.05";
}
