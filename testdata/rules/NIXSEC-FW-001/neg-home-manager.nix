{ ... }:
{
  home-manager.users.alice = { ... }: {
    home.stateVersion = "24.11";
    programs.git.enable = true;
  };
  networking.firewall.enable = true;
}
