{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        {
          containers.lvm.allowedDevices = [
            { node = "/dev/mapper/vg-root"; modifier = "rw"; } # expect: NIXSEC-CTR-004
          ];
        }
      ];
    };
  };
}
