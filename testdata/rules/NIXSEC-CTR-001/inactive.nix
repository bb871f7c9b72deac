{ lib, ... }:
{
  containers.gone = lib.mkIf false {
    autoStart = true;
  };
  containers.never = if 1 == 2 then { autoStart = true; } else lib.mkIf false { };
}
