{ pkgs, ... }:
# A NixOS VM test: its nodes are throwaway machines, not servers.
pkgs.testers.runNixOSTest {
  name = "privileged-container";
  nodes.machine = { ... }: {
    virtualisation.oci-containers.containers.agent = {
      image = "example/agent:1.2";
      privileged = true;
      extraOptions = [ "--privileged" ];
    };
  };
  testScript = ''
    machine.wait_for_unit("podman-agent.service")
  '';
}
