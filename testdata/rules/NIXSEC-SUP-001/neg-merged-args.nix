# The hash may come from the part of the argument nixsec cannot read: a set
# merged in with //, an if, or a whole argument passed through a variable.
{ lockInfo, src }:
{
  a = builtins.fetchTarball ({ url = "https://example.org/a.tar.gz"; }
    // (if lockInfo ? narHash then { sha256 = lockInfo.narHash; } else { }));
  b = builtins.fetchTarball ({ url = "https://example.org/b.tar.gz"; } // lockInfo.extra);
  c = builtins.fetchTarball src;
  d = builtins.fetchurl ({ url = "https://example.org/d"; } // lockInfo.extra);
}
