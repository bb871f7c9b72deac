{
  virtualisation.oci-containers.containers.app = {
    image = "example/app:1.0";
    user = "root"; # expect: NIXSEC-CTR-016
  };
}
