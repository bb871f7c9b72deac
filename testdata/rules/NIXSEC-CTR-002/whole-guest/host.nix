# A container declared only through its guest configuration still gets the
# defaults: no private network, no user namespace.
{
  containers.alpha.config = { services.nginx.enable = true; }; # expect: NIXSEC-CTR-002
  containers = {
    beta = { # expect: NIXSEC-CTR-002
      config = { pkgs, ... }: { services.redis.servers."".enable = true; };
    };
  };
  containers.gamma.config = ./guest.nix; # expect: NIXSEC-CTR-002
}
