{ config, lib, ... }:
{
  config = lib.mkMerge [
    {
      services.mysql.enable = true;
    }
    (lib.mkIf config.profiles.exposed.enable {
      services.mysql.settings.mysqld."bind-address" = lib.mkDefault "0.0.0.0"; # expect: NIXSEC-SVC-003 (possible)
    })
  ];
}
