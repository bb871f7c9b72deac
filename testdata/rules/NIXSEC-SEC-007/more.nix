{
  environment.etc."ssh/ssh_host_ed25519_key".source = ./keys/ssh_host_ed25519_key; # expect: NIXSEC-SEC-007
  environment.etc."ssh/ssh_host_rsa_key" = {
    mode = "0600";
    source = ./keys/ssh_host_rsa_key; # expect: NIXSEC-SEC-007
  };
  boot.initrd.secrets."/etc/secrets/initrd/ssh_host_ed25519_key" = ./initrd_host_key; # expect: NIXSEC-SEC-007
  services.nginx.virtualHosts."a.example.org".sslCertificateKey = ./tls/a.key; # expect: NIXSEC-SEC-007
  services.openssh.hostKeys = [
    { type = "ed25519"; path = ./hostkey; } # expect: NIXSEC-SEC-007
  ];
}
