# A hardened single-user workstation. This file is meant to be clean: nixsec
# should report nothing here.
{ config, lib, pkgs, ... }:

{
  imports = [ ./hardware-configuration.nix ];

  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;
  boot.kernelPackages = pkgs.linuxPackages_hardened;

  networking = {
    hostName = "workstation";
    networkmanager.enable = true;
    firewall = {
      enable = true;
      allowedTCPPorts = [ ];
      allowPing = false;
    };
  };

  time.timeZone = "Europe/Berlin";
  i18n.defaultLocale = "en_US.UTF-8";

  users.mutableUsers = false;
  users.users.alice = {
    isNormalUser = true;
    description = "Alice";
    extraGroups = [ "wheel" "networkmanager" ];
    # Generated with `mkpasswd -m yescrypt`; the hash, never the password.
    hashedPasswordFile = "/etc/secrets/alice.passwd";
    openssh.authorizedKeys.keys = [
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHcHWtb1rRZlWT5tZQ7CjVd3V6BNbpkcPvcGmKqC4D0T alice@laptop"
    ];
  };

  security.sudo.wheelNeedsPassword = true;

  services.openssh = {
    enable = true;
    openFirewall = false; # reachable over the VPN only
    authorizedKeysInHomedir = false; # only the keys declared in this file
    settings = {
      PasswordAuthentication = false;
      KbdInteractiveAuthentication = false;
      PermitRootLogin = "no";
    };
  };

  services.tailscale.enable = true;

  nix.settings = {
    experimental-features = [ "nix-command" "flakes" ];
    substituters = [ "https://cache.nixos.org" ];
    trusted-public-keys = [ "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY=" ];
    allowed-users = [ "@wheel" ];
    trusted-users = [ "root" ];
  };

  environment.systemPackages = with pkgs; [
    git
    vim
    firefox
  ];

  system.stateVersion = "24.05";
}
