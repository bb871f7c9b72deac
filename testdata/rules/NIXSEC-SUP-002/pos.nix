let
  script = builtins.fetchurl "https://example.org/install.sh"; # expect: NIXSEC-SUP-002
  key = builtins.fetchurl { url = "https://example.org/key.asc"; }; # expect: NIXSEC-SUP-002
in
{ inherit script key; }
