# Home Manager module tests compare generated files with expected ones:
# nmt.script paths are test data, not secrets.
{ config, ... }:
{
  programs.awscli.enable = true;
  nmt.script = ''
    assertFileContent home-files/.aws/credentials ${./aws-credentials.conf}
    assertFileContent home-files/.config/git/config ${./credential-helper.git.conf}
  '';
  services.mpdris2.mpd.host = "localhost";
  systemd.user.services.x.Unit.Description = "${./with-password.service}";
}
