{
  virtualisation.incus.preseed.profiles = [
    {
      name = "default";
      config."security.privileged" = true; # expect: NIXSEC-CTR-024
    }
  ];
}
