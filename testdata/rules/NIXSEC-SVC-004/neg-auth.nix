{ ... }:
{
  services.mongodb = {
    enable = true;
    bind_ip = "0.0.0.0";
    enableAuth = true;
    initialRootPasswordFile = "/run/secrets/mongo";
  };
}
