[ ./.hidden ./a/../b ./a.b.c ]
