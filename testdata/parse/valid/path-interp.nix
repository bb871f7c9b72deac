let x = "f"; in [ ./dir/${x} ./${x}/y /abs/${x}.nix ]
