"${toString 1}"
