{ ... }:
{
  networking.firewall = {
    allowPing = true;
    pingLimit = "--limit 1/minute --limit-burst 5";
  };
}
