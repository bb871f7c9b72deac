{
  virtualisation.oci-containers.containers.runner = {
    image = "example/runner:2";
    volumes = [ "/run/containerd/containerd.sock:/run/containerd/containerd.sock" ]; # expect: NIXSEC-CTR-011
  };
}
