# An installer image: imports an installation-cd profile.
{ modulesPath, ... }:
{
  imports = [ (modulesPath + "/installer/cd-dvd/installation-cd-minimal.nix") ];
  services.openssh.enable = true;
  users.users.root.initialHashedPassword = "";
}
