# A module test fixture: fake tokens (the name heuristic skips tests/).
{
  programs.watson.settings.backend.token = "yourapitokenhere";
}
