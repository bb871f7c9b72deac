{
  a = 1; /* start
  b = 2;
}
