{ config, ... }:
{
  nixpkgs.system = builtins.currentSystem; # expect: NIXSEC-SUP-007
  services.foo.token = builtins.getEnv "API_TOKEN"; # expect: NIXSEC-SUP-007
  environment.etc."build-time".text = toString builtins.currentTime; # expect: NIXSEC-SUP-007
}
