let body = 1;
