{ ... }:
{
  services.openssh = {
    enable = true;
    openFirewall = false;
  };
  system.stateVersion = "24.05";
}
