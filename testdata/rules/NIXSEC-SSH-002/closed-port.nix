# openFirewall = false: reported, but low.
{ ... }:
{
  services.openssh = {
    enable = true; # expect: NIXSEC-SSH-002
    openFirewall = false;
  };
  system.stateVersion = "24.05";
}
