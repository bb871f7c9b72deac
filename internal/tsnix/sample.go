package tsnix

// SampleModule returns about size bytes of realistic NixOS-module-like Nix
// source (one module repeated inside a list), for benchmarks when no real
// file is given with NIXSEC_BENCH_FILE. The text parses without errors.
func SampleModule(size int) []byte {
	out := make([]byte, 0, size+len(sampleModule)+16)
	out = append(out, "[\n"...)
	for len(out) < size {
		out = append(out, sampleModule...)
	}
	return append(out, "]\n"...)
}

const sampleModule = `
({ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.example;
  # Render the daemon's configuration file.
  configFile = pkgs.writeText "example.conf" ''
    listen ${cfg.listenAddress}:${toString cfg.port}
    data_dir ${cfg.dataDir}
    ${optionalString cfg.debug "log_level debug"}
    ${concatMapStringsSep "\n" (u: "user ${u}") cfg.users}
  '';
  defaultUser = "example";
in
{
  options.services.example = {
    enable = mkEnableOption "the example daemon";
    package = mkOption {
      type = types.package;
      default = pkgs.hello;
      defaultText = literalExpression "pkgs.hello";
      description = "Package to use.";
    };
    listenAddress = mkOption {
      type = types.str;
      default = "127.0.0.1";
      example = "0.0.0.0";
      description = ''
        Address to listen on. Use "0.0.0.0" to listen on all interfaces.
      '';
    };
    port = mkOption { type = types.port; default = 8080; };
    openFirewall = mkOption { type = types.bool; default = false; };
    dataDir = mkOption { type = types.path; default = /var/lib/example; };
    users = mkOption { type = types.listOf types.str; default = [ ]; };
    debug = mkOption { type = types.bool; default = false; };
    extraFlags = mkOption { type = with types; listOf str; default = [ "--verbose" "-j" "4" ]; };
    ratio = mkOption { type = types.float; default = 0.75; };
  };

  config = mkIf cfg.enable {
    assertions = [
      { assertion = cfg.port != 22 && cfg.port > 0; message = "port must not be 22"; }
    ];
    users.users.${defaultUser} = {
      isSystemUser = true;
      group = defaultUser;
      home = cfg.dataDir;
      createHome = true;
    };
    users.groups.${defaultUser} = { };
    networking.firewall.allowedTCPPorts = optional cfg.openFirewall cfg.port;
    systemd.services.example = {
      description = "Example daemon";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      environment = { HOME = cfg.dataDir; LANG = "C.UTF-8"; } // optionalAttrs cfg.debug { RUST_LOG = "debug"; };
      serviceConfig = {
        ExecStart = "${cfg.package}/bin/example --config ${configFile} ${escapeShellArgs cfg.extraFlags}";
        User = defaultUser;
        Restart = "on-failure";
        RestartSec = 5;
        NoNewPrivileges = true;
        ProtectSystem = "strict";
        ProtectHome = true;
        PrivateTmp = true;
        ReadWritePaths = [ cfg.dataDir ];
        CapabilityBoundingSet = [ "" ];
        SystemCallFilter = [ "@system-service" "~@privileged" ];
      };
    };
    environment.systemPackages = [ cfg.package ] ++ (if cfg.debug then [ pkgs.strace ] else [ ]);
    environment.etc."example/example.conf".source = configFile;
    boot.kernel.sysctl."net.ipv4.ip_forward" = mkDefault 0;
    services.nginx.virtualHosts."example.org" = mkIf (config.services.nginx.enable or false) {
      locations."/".proxyPass = "http://${cfg.listenAddress}:${toString cfg.port}";
      forceSSL = true;
    };
  };
})
`
