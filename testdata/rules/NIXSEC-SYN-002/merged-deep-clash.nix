{ config, lib, ... }:
{
  # Merging recurses, but a leaf defined in both sets is still a duplicate.
  services.dnsd.settings.server.port = 53; # expect: NIXSEC-SYN-002
  services.dnsd.settings = {
    server = {
      port = 5353;
    };
  };
}
