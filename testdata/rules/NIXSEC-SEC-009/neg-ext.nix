{
  networking.wireless.secretsFile = "/run/secrets/wireless.conf";
  networking.wireless.networks.home.pskRaw = "ext:psk_home";
  networking.wireless.networks.old.psk = "@PSK_OLD@";
  networking.wireless.networks.open = { };
  networking.wireless.networks.eduroam.auth = ''
    key_mgmt=WPA-EAP
    password=ext:eduroam
  '';
  networking.networkmanager.ensureProfiles = {
    environmentFiles = [ "/run/secrets/nm.env" ];
    profiles.home.wifi-security.psk = "$HOME_PSK";
  };
}
