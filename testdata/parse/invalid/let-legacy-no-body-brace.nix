let { a = 1; 
