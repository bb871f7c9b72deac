[ http://example.org/a?b=c&d=e https://nixos.org/ftp:x mailto:user@host a+b-c.d:x ]
