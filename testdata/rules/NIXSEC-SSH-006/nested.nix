{ ... }:
{
  services.openssh = {
    enable = true;
    settings = {
      Ciphers = [
        "aes256-gcm@openssh.com"
        "aes256-cbc" # expect: NIXSEC-SSH-006
      ];
    };
  };
}
