{ lib, ... }:
{
  options.my.preseed = lib.mkOption {
    type = lib.types.attrs;
    example = { profiles = [ { config."security.privileged" = "true"; } ]; };
  };
  virtualisation.incus = {
    enable = true;
    preseed = {
      config."core.https_address" = "10.0.0.1:8443";
      profiles = [
        {
          name = "default";
          # config."security.privileged" = "true";
          config = {
            "security.privileged" = "false";
            "security.idmap.isolated" = "true";
            "limits.memory" = "2GiB";
          };
        }
      ];
    };
  };
}
