[ ~/a ~/.config/x ]
