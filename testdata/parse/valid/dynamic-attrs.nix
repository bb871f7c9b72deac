let k = "a"; in { ${k} = 1; "quoted key" = 2; "${k}b" = 3; a.${k}.c = 4; x.${k} = 5; }
