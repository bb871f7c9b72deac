''
  a ''\${x} b
  c '''' d
  e ''\r f
''
