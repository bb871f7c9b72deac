{ ... }:
{
  services.mongodb.enable = true;
  services.mongodb.bind_ip = "127.0.0.1";
}
