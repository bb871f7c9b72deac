{
  imports = [ ./caps.nix ];
  containers.net.privateUsers = "pick";
}
