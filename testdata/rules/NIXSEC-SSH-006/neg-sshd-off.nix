{ ... }:
{
  services.openssh.settings.Ciphers = [ "aes256-cbc" ];
}
