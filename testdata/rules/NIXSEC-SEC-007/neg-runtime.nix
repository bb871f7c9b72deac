{
  environment.etc."ssh/ssh_host_ed25519_key.pub".source = ./keys/ssh_host_ed25519_key.pub;
  boot.initrd.secrets."/etc/secrets/initrd/ssh_host_ed25519_key" = "/var/lib/initrd/ssh_host_ed25519_key";
  boot.initrd.luks.devices.root.keyFile = "/dev/disk/by-id/usb-key";
  services.nginx.virtualHosts."a.example.org".sslCertificateKey = "/var/lib/acme/a/key.pem";
  services.openssh.hostKeys = [ { type = "ed25519"; path = "/etc/ssh/ssh_host_ed25519_key"; } ];
}
