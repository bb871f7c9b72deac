{
  nix.buildMachines = [
    {
      hostName = "builder.example.org";
      system = "x86_64-linux";
      sshUser = "nixremote";
      sshKey = "/root/.ssh/id_builder";
      publicHostKey = "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUQ=";
    }
  ];
}
