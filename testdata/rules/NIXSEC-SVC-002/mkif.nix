{ config, lib, ... }:
{
  services.postgresql.enable = true;
  services.postgresql.authentication = lib.mkIf config.dev.enable (lib.mkDefault ''
    local all all trust # expect: NIXSEC-SVC-002 (possible)
  '');
}
