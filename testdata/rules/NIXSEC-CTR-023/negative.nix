{ lib, ... }:
{
  options.my.policy = lib.mkOption {
    type = lib.types.attrs;
    example = { default = [ { type = "insecureAcceptAnything"; } ]; };
  };
  virtualisation.podman.enable = true;
  virtualisation.containers = {
    # registries.insecure = [ "registry.lan:5000" ];
    registries.insecure = [ ];
    policy = {
      default = [ { type = "reject"; } ];
      transports.docker."registry.example.com" = [ { type = "signedBy"; keyType = "GPGKeys"; keyPath = "/etc/pki/example.gpg"; } ];
      transports.docker-daemon."" = [ { type = "insecureAcceptAnything"; } ];
    };
  };
}
