{ lib, ... }:
let
  conf = "lxc.cap.drop =";
in
{
  virtualisation.lxc.defaultConfig = conf; # expect: NIXSEC-CTR-025
}
