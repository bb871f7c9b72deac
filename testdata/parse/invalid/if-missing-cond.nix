if then 1 else 2
