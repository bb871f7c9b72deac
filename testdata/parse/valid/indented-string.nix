let x = "v"; in ''
  first line
    indented ''${x} and ${x}
  quote ''' here
  escaped ''\n newline ''\t tab
  dollar $ and $$ and ''$
''
