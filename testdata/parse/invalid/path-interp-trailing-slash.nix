let x = "a"; in ./a/${x}/
