{
  users.users.a.hashedPassword = "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7"; # expect: NIXSEC-SEC-002
  users.users.b.initialHashedPassword = "$6$rounds=5000$salt$hash"; # expect: NIXSEC-SEC-002
  users.users.c.hashedPassword = "$5$salt$0123456789abcdef"; # expect: NIXSEC-SEC-002
  users.users.d.hashedPassword = "abJnggxhB/yWI"; # expect: NIXSEC-SEC-002
  users.users.e.hashedPassword = ""; # expect: NIXSEC-SEC-002
  users.users.f.hashedPassword = "plaintext-by-mistake"; # expect: NIXSEC-SEC-002
  users.users.g.hashedPassword = "!$6$salt$hash"; # expect: NIXSEC-SEC-002
}
