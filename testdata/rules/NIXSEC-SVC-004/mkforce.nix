{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.mongodb.enable = true;
    }
    { services.mongodb.bind_ip = "127.0.0.1"; }
    { services.mongodb.bind_ip = lib.mkForce "0.0.0.0"; } # expect: NIXSEC-SVC-004
  ];
}
