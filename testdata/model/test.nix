# A NixOS VM test: each node is a throwaway TestNode system.
import ./make-test-python.nix ({ pkgs, lib, ... }: {
  name = "ssh-login";
  nodes = {
    server = { config, ... }: {
      services.openssh.enable = true;
      services.openssh.settings.PermitRootLogin = "yes";
      users.users.root.password = "";
    };
    client = { programs.ssh.startAgent = true; };
  };
  testScript = ''
    start_all()
  '';
})
