let x = "w"; in "hello ${x} and ${toString 1}${x}"
