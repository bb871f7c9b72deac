{ ... }:
{
  networking.firewall.enable = false; # expect: NIXSEC-FW-001
  services.redis.servers."" = {
    enable = true;
    bind = null; # expect: NIXSEC-SVC-001
    settings."protected-mode" = "no";
  };
}
