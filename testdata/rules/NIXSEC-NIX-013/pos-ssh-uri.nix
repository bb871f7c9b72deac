{
  nix.buildMachines = [
    { # expect: NIXSEC-NIX-013
      hostName = "ssh-ng://nixremote@builder.example.org";
      protocol = null;
      systems = [ "x86_64-linux" ];
    }
  ];
}
