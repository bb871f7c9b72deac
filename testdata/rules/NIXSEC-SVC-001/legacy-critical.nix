{ ... }:
{
  services.redis = {
    enable = true;
    bind = null; # expect: NIXSEC-SVC-001
    openFirewall = true;
    settings.protected-mode = "no";
  };
}
