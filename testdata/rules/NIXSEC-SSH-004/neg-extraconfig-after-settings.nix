# settings is written first and sshd keeps the first value: the line is ignored.
{ ... }:
{
  services.openssh = {
    enable = true;
    settings.PermitEmptyPasswords = false;
    extraConfig = "PermitEmptyPasswords yes\n";
  };
}
