{
  nix.settings.extra-sandbox-paths = [ "/dev/kvm?" "/dev/nvidia0?" "/bin/sh=/nix/store/abc-busybox/bin/sh" ];
}
