{
  containers.web = {
    autoStart = true;
    config = { ... }: {
      users.users.admin.password = "container-pass"; # expect: NIXSEC-SEC-001
    };
  };
}
