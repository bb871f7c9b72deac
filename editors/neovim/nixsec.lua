-- nixsec language server for Neovim 0.7 and later, without nvim-lspconfig.
--
-- Put this file on your runtimepath as lua/nixsec.lua (for example
-- ~/.config/nvim/lua/nixsec.lua) and call, from init.lua:
--
--   require('nixsec').setup()
--
-- or with options:
--
--   require('nixsec').setup({
--     cmd = { 'nixsec', 'lsp' },            -- path to the binary and arguments
--     settings = {                           -- answered to workspace/configuration
--       disabledRules = { 'NIXSEC-SUP-004' },
--       severityOverrides = { ['NIXSEC-FW-001'] = 'critical' },
--       ignoredPaths = { 'hardware-configuration.nix' },
--     },
--     codelens = true,                      -- exposure lenses above systemd services
--   })
--
-- nixsec only reports security findings; keep nil or nixd for completion and
-- navigation. Both attach to the same buffers side by side.
-- On Neovim 0.11+, editors/neovim/lsp/nixsec.lua with vim.lsp.enable is simpler.

local M = {}

local clients = {} -- root directory -> client id

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(name, ':p:h')
  for _, marker in ipairs({ 'flake.nix', 'configuration.nix' }) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h')
    end
  end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  return dir
end

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'nixsec', 'lsp' }
  local settings = opts.settings or {}
  local group = vim.api.nvim_create_augroup('nixsec_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'nix',
    callback = function(args)
      local bufnr = args.buf
      if vim.api.nvim_buf_get_name(bufnr) == '' then
        return
      end
      local root = root_dir(bufnr)
      local id = clients[root]
      local client = id and vim.lsp.get_client_by_id(id)
      if not client or client.is_stopped() then
        id = vim.lsp.start_client({
          name = 'nixsec',
          cmd = cmd,
          root_dir = root,
          workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
          init_options = settings,
          settings = { nixsec = settings },
          on_attach = function(client, buf)
            if opts.codelens ~= false then
              -- systemd exposure lenses; `:lua vim.lsp.codelens.run()` on
              -- one shows its breakdown.
              vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'BufWritePost' }, {
                group = group,
                buffer = buf,
                callback = function() pcall(vim.lsp.codelens.refresh) end,
              })
              pcall(vim.lsp.codelens.refresh)
            end
            if opts.on_attach then
              opts.on_attach(client, buf)
            end
          end,
          capabilities = opts.capabilities,
        })
        if not id then
          vim.notify('nixsec: could not start ' .. table.concat(cmd, ' '), vim.log.levels.ERROR)
          return
        end
        clients[root] = id
      end
      vim.lsp.buf_attach_client(bufnr, id)
    end,
  })
end

return M
