{ ... }:
{
  services.postgresql = {
    enable = true;
    authentication = ''
      host all all ::/0 trust # expect: NIXSEC-SVC-002
    '';
  };
}
