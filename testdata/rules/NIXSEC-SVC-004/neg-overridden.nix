{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.mongodb.enable = true;
    }
    { services.mongodb.bind_ip = lib.mkDefault "0.0.0.0"; }
    { services.mongodb.bind_ip = "127.0.0.1"; }
  ];
}
