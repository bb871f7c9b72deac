# settings writes PermitRootLogin (default prohibit-password) first; sshd ignores this line.
{ ... }:
{
  services.openssh = {
    enable = true;
    extraConfig = ''
      PermitRootLogin yes
    '';
  };
}
