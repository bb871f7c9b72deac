{
  # Set literals merged together, and no hash in either.
  a = builtins.fetchTarball ({ url = "https://example.org/a.tar.gz"; } // { name = "a"; }); # expect: NIXSEC-SUP-001
  b = builtins.fetchTarball (if true then { url = "https://example.org/b.tar.gz"; } else { url = "https://example.org/c.tar.gz"; }); # expect: NIXSEC-SUP-001
}
