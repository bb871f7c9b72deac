{
  containers.ci = {
    privateNetwork = true;
    privateUsers = "pick";
    config = {
      virtualisation.docker.enable = true;
      # Root-equivalent inside the guest only: reported as low.
      users.users.runner.extraGroups = [ "docker" ]; # expect: NIXSEC-CTR-018
    };
  };
}
