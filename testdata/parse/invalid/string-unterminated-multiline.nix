{
  a = "abc;
  b = 2;
  c = 3;
}
