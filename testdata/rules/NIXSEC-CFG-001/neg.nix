{ lib, ... }:
{
  # nixsec-ignore NIXSEC-SUP-009: this builder compiles experimental packages on purpose
  nixpkgs.config.allowBroken = true;
  nixpkgs.config.allowUnsupportedSystem = true; # nixsec-ignore broken-packages-allowed: slug form, trailing
  # nixsec:ignore NIXSEC-SUP-008 reason="catalog spelling, covers the whole binding"
  nixpkgs.config.permittedInsecurePackages = [
    "openssl-1.1.1w"
  ];
  environment.variables = {
    NIXPKGS_ALLOW_INSECURE = "1"; /* nixsec-ignore NIXSEC-SUP-008: block comment */
  };
}
