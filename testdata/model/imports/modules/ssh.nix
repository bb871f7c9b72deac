{ lib, ... }:
{ services.openssh.settings.PermitRootLogin = "yes"; }
