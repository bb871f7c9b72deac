{ a ? { }, b ? a.c or 1 }: { c ? b }: c
