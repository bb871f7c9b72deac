{
  containers.disk.allowedDevices = [ { node = "/dev/nvme0n1"; modifier = "rw"; } ]; # expect: NIXSEC-CTR-004
}
