# Critical: a wheel member while sshd accepts passwords (severity in TestSecretSeverities).
{
  services.openssh.enable = true;
  users.users.deploy = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    password = "hunter2-deploy"; # expect: NIXSEC-SEC-001
  };
  users.extraUsers.root.initialPassword = ""; # expect: NIXSEC-SEC-001
}
