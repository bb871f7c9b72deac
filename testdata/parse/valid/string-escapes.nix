"a\nb\tc \"q\" back\\slash \${notinterp} \r \x ${"inner"} end"
