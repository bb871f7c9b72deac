{
  nix.settings.extra-sandbox-paths = [
    "/dev/kvm?"
    "/run/secrets" # expect: NIXSEC-NIX-008
    "/proc" # expect: NIXSEC-NIX-008
    "/ssh=/etc/ssh" # expect: NIXSEC-NIX-008
  ];
}
