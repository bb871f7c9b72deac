{ ... }:
{
  networking.firewall.checkReversePath = "strict";
}
