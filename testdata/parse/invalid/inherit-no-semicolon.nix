{ inherit a }
