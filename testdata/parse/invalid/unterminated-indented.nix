{ a = ''abc; }

