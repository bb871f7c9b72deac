{ pkgs, ... }:
{
  systemd.services.myapp.serviceConfig = {
    User = "myapp";
    ExecStart = "${pkgs.hello}/bin/hello";
    # "-" ignores failures and "@" sets argv[0]: neither leaves the sandbox.
    ExecStartPre = [ "-${pkgs.coreutils}/bin/true" "@${pkgs.hello}/bin/hello hello" ];
    # A "+" inside the command line is not a prefix.
    ExecReload = "${pkgs.coreutils}/bin/echo +1";
    # Not an Exec directive.
    Environment = "FLAGS=+x";
  };
}
