{ lib, ... }:
{
  options.my.tun = lib.mkEnableOption "tun" // { example = true; };
  # containers.old.enableTun = true;
  containers.web.enableTun = false;
  containers.computed.enableTun = lib.elem "x" [ "y" ];
  virtualisation.vmVariant.containers.test.enableTun = true;
}
