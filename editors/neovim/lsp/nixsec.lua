-- nixsec language server for Neovim 0.11+ (vim.lsp.config).
--
-- Put this file on your runtimepath as lsp/nixsec.lua (for example
-- ~/.config/nvim/lsp/nixsec.lua) and enable it from init.lua:
--
--   vim.lsp.enable('nixsec')
--
-- Override settings without copying the file:
--
--   vim.lsp.config('nixsec', {
--     settings = { nixsec = { disabledRules = { 'NIXSEC-SUP-004' } } },
--   })
--   vim.lsp.enable({ 'nil_ls', 'nixsec' })   -- next to nil (or nixd)
return {
  cmd = { 'nixsec', 'lsp' },
  filetypes = { 'nix' },
  root_markers = { 'flake.nix', 'configuration.nix', '.git' },
  settings = {
    nixsec = {
      -- disabledRules = {},
      -- severityOverrides = {},
      -- ignoredPaths = {},
      -- exposureThreshold = 5.0,
      -- debounceMs = 150,
    },
  },
}
