"line one
line two ${"x"}
"
