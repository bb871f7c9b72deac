rec a
