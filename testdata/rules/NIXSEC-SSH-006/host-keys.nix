{ ... }:
{
  services.openssh.enable = true;
  services.openssh.hostKeys = [
    { type = "ed25519"; path = "/etc/ssh/ssh_host_ed25519_key"; }
    { type = "rsa"; bits = 2048; path = "/etc/ssh/ssh_host_rsa_key"; } # expect: NIXSEC-SSH-006
    { type = "dsa"; path = "/etc/ssh/ssh_host_dsa_key"; } # expect: NIXSEC-SSH-006
  ];
}
