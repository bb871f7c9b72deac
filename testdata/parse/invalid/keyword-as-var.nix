let in if
