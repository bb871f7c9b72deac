{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings = {
    PermitUserEnvironment = "LANG,LC_*"; # expect: NIXSEC-SSH-008
    IgnoreRhosts = "no"; # expect: NIXSEC-SSH-008
  };
}
