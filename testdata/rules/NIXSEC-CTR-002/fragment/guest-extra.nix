{ services.journald.extraConfig = "SystemMaxUse=100M"; }
