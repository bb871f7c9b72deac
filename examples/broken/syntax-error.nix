# A half-edited file: the attribute set below is missing a semicolon, so Nix
# refuses it and nixsec reports a syntax error until it is fixed.
{ pkgs, ... }:

{
  services.openssh.enable = true
  services.openssh.settings.PasswordAuthentication = false;

  environment.systemPackages = [ pkgs.git ];
}
