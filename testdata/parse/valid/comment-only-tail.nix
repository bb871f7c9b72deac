1 # trailing comment without newline
