# With protocol = null the hostName is a store URI used as it is; a gRPC or
# HTTPS store is not reached over SSH, so there is no host key to pin.
{
  nix.buildMachines = [
    {
      hostName = "grpc://builder.example.org:50051";
      protocol = null;
      systems = [ "x86_64-linux" ];
      maxJobs = 8;
    }
  ];
}
