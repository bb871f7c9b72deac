# A NIX_PATH lookup as an argument's default is a fallback, reported as info
# (the severity is not part of the expectation format, the line is).
{ pkgs ? import <nixpkgs> { } }: # expect: NIXSEC-SUP-004
pkgs.hello
