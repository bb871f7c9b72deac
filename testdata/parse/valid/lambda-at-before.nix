args@{ a, b ? args.a }: a
