{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.ollama.enable = true;
    }
    { services.ollama.host = "127.0.0.1"; }
    { services.ollama.host = lib.mkForce "0.0.0.0"; } # expect: NIXSEC-SVC-005
  ];
}
