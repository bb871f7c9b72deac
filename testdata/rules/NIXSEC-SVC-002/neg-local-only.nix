{ ... }:
{
  services.postgresql = {
    enable = true;
    authentication = ''
      host all all 10.0.0.0/8 md5
      host all all 10.0.0.0/8 password
    '';
  };
}
