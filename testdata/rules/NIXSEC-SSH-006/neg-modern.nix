{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      Ciphers = [ "chacha20-poly1305@openssh.com" "aes256-gcm@openssh.com" "aes256-ctr" ];
      Macs = [ "hmac-sha2-512-etm@openssh.com" "umac-128-etm@openssh.com" ];
      KexAlgorithms = [ "sntrup761x25519-sha512@openssh.com" "curve25519-sha256" "diffie-hellman-group-exchange-sha256" ];
      HostKeyAlgorithms = "-ssh-rsa";
    };
    hostKeys = [ { type = "rsa"; bits = 4096; path = "/etc/ssh/ssh_host_rsa_key"; } ];
  };
}
