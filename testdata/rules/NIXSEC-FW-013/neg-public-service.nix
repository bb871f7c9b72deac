{ ... }:
{
  services.openssh.enable = true;
  services.openssh.openFirewall = true;
  services.syncthing = {
    enable = true;
    openDefaultPorts = true;
  };
}
