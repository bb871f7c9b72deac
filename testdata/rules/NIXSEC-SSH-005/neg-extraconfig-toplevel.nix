# X11Forwarding has a NixOS default, so settings writes it first and this line is ignored.
{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = "X11Forwarding yes";
  };
}
