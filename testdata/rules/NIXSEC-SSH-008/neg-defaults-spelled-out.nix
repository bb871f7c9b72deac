{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      StrictModes = true;
      PermitUserEnvironment = false;
      IgnoreRhosts = "yes";
      HostbasedAuthentication = "no";
    };
  };
}
