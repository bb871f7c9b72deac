# line comment
/* block
   comment */ { a = /* inline */ 1; # trailing
  /**/ b = 2; /* * ** */
}
