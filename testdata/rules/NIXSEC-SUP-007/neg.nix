{ config, ... }:
{
  nixpkgs.hostPlatform = "x86_64-linux";
  services.foo.tokenFile = "/run/secrets/api-token";
  # builtins.getEnv "API_TOKEN" in a comment is not a call.
}
