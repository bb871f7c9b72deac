{
  networking.wireless.networks."Cafe WiFi".pskRaw = "8a3f5c2e9b7d4f1a0c6e8b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a"; # expect: NIXSEC-SEC-009
  networking.wireless.networks.eduroam.auth = ''
    key_mgmt=WPA-EAP
    identity="alice@example.org"
    password="eduroam-pw" # expect: NIXSEC-SEC-009
  '';
  networking.networkmanager.ensureProfiles.profiles.home = {
    connection.type = "wifi";
    wifi.ssid = "home";
    wifi-security = {
      key-mgmt = "wpa-psk";
      psk = "nm-home-psk"; # expect: NIXSEC-SEC-009
    };
  };
}
