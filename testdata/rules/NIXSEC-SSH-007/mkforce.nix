{ lib, ... }:
{
  config = lib.mkMerge [
    { services.openssh.enable = true; }
    { services.openssh.settings.GatewayPorts = "no"; }
    { services.openssh.settings.GatewayPorts = lib.mkForce "yes"; } # expect: NIXSEC-SSH-007
  ];
}
