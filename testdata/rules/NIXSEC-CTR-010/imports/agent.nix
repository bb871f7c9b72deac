{
  docker-containers.agent = {
    image = "example/agent:1";
    extraDockerOptions = [ "--pid=host" ]; # expect: NIXSEC-CTR-010
  };
}
