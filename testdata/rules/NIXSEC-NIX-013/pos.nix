{
  nix.buildMachines = [
    {
      hostName = "builder.example.org";
      system = "x86_64-linux";
      sshUser = "root"; # expect: NIXSEC-NIX-013
      sshKey = ./id_builder; # expect: NIXSEC-NIX-013
      publicHostKey = null; # expect: NIXSEC-NIX-013
    }
  ];
  nix.settings.builders = "ssh://root@builder2.example.org x86_64-linux"; # expect: NIXSEC-NIX-013
}
