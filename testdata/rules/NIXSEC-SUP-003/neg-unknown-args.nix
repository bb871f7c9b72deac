# A fetchGit whose argument is a function parameter or carries a merged-in
# part may have its rev there.
{ pinned }:
{
  fetchers.git = args: (builtins.fetchGit args).outPath;
  a = builtins.fetchGit ({ url = "https://example.org/a.git"; } // pinned);
  b = builtins.fetchGit pinned.source;
}
