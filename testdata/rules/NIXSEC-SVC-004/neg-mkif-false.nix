{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.mongodb.enable = true;
    }
    (lib.mkIf false { services.mongodb.bind_ip = "0.0.0.0"; })
  ];
}
