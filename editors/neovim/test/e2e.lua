-- End-to-end check of nixsec in a real Neovim (0.7+), run headless by
-- server/nvim_test.go. It uses editors/neovim/nixsec.lua as a user would,
-- and writes what it saw to $NIXSEC_RESULT as JSON.
local result = { steps = {} }
local result_path = assert(os.getenv('NIXSEC_RESULT'))
local broken = assert(os.getenv('NIXSEC_BROKEN'))
local fetch = assert(os.getenv('NIXSEC_FETCH'))
local service = assert(os.getenv('NIXSEC_SERVICE'))

local function step(name, value)
  table.insert(result.steps, name)
  result[name] = value
end

local function wait(ms, cond, what)
  if not vim.wait(ms, cond, 20) then
    error('timed out waiting for ' .. what)
  end
end

local function code_of(d)
  if d.code then
    return d.code
  end
  return d.user_data and d.user_data.lsp and d.user_data.lsp.code
end

local function diags(bufnr, code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code == nil or code_of(d) == code then
      table.insert(out, d)
    end
  end
  return out
end

local function simple(ds)
  local out = {}
  for _, d in ipairs(ds) do
    table.insert(out, { code = code_of(d), lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source })
  end
  return out
end

local function client_for(bufnr)
  local found
  wait(10000, function()
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if c.name == 'nixsec' and c.initialized ~= false then
        found = c
        return true
      end
    end
    return false
  end, 'the nixsec client')
  return found
end

local ok, err = pcall(function()
  vim.cmd('filetype on')

  -- 1. A file with a syntax error shows NIXSEC-SYN-001.
  vim.cmd('edit ' .. vim.fn.fnameescape(broken))
  local b1 = vim.api.nvim_get_current_buf()
  step('filetype', vim.bo[b1].filetype)
  wait(15000, function() return #diags(b1, 'NIXSEC-SYN-001') > 0 end, 'the syntax error diagnostic')
  step('broken', simple(diags(b1)))

  -- 2. A file with a fixable finding: apply the quick fix.
  vim.cmd('edit ' .. vim.fn.fnameescape(fetch))
  local b2 = vim.api.nvim_get_current_buf()
  wait(15000, function() return #diags(b2, 'NIXSEC-SUP-006') > 0 end, 'the NIXSEC-SUP-006 diagnostic')
  step('before', simple(diags(b2)))
  local client = client_for(b2)
  step('offset_encoding', client.offset_encoding)
  local d = diags(b2, 'NIXSEC-SUP-006')[1]
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = { d.user_data and d.user_data.lsp or {} }, only = { 'quickfix' } }
  local resp = client.request_sync('textDocument/codeAction', params, 10000, b2)
  assert(resp and resp.result, 'no code action response: ' .. vim.inspect(resp))
  local titles, action = {}, nil
  for _, a in ipairs(resp.result) do
    table.insert(titles, a.title)
    if a.title == 'Use https' then
      action = a
    end
  end
  step('actions', titles)
  assert(action, 'no "Use https" action among ' .. vim.inspect(titles))
  step('preferred', action.isPreferred == true)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  step('line', vim.api.nvim_buf_get_lines(b2, d.lnum, d.lnum + 1, false)[1])
  wait(15000, function() return #diags(b2, 'NIXSEC-SUP-006') == 0 end, 'the fixed finding to disappear')
  step('after', simple(diags(b2)))

  -- 3. Multibyte text before a finding: the server's copy of the buffer
  -- and the positions both ways must agree with Neovim's.
  local rest = diags(b2, 'NIXSEC-SUP-005')[1]
  assert(rest, 'NIXSEC-SUP-005 missing')
  vim.api.nvim_buf_set_text(b2, rest.lnum, rest.col, rest.lnum, rest.col, { '/* 😀é日 */ ' })
  local line = vim.api.nvim_buf_get_lines(b2, rest.lnum, rest.lnum + 1, false)[1]
  local want = (line:find('"0000', 1, true) or 0) - 1
  wait(15000, function()
    local d5 = diags(b2, 'NIXSEC-SUP-005')[1]
    return d5 ~= nil and d5.col == want
  end, 'NIXSEC-SUP-005 to move to byte column ' .. want)
  step('multibyte_col', { want = want, got = diags(b2, 'NIXSEC-SUP-005')[1].col })
  rest = diags(b2, 'NIXSEC-SUP-005')[1]

  -- 4. Hover over the remaining finding explains its rule.
  if rest then
    local hp = { textDocument = { uri = vim.uri_from_bufnr(b2) }, position = { line = rest.lnum, character = rest.col + 1 } }
    local h = client.request_sync('textDocument/hover', hp, 10000, b2)
    step('hover', h and h.result and h.result.contents and h.result.contents.value or '')
  end

  -- 5. A systemd service: the exposure code lens appears (nixsec.lua
  -- refreshes lenses on attach), and hover on an option shows its value.
  vim.cmd('edit ' .. vim.fn.fnameescape(service))
  local b3 = vim.api.nvim_get_current_buf()
  local c3 = client_for(b3)
  wait(15000, function()
    return #(vim.lsp.codelens.get(b3) or {}) > 0
  end, 'an exposure code lens')
  local lenses = {}
  for _, l in ipairs(vim.lsp.codelens.get(b3)) do
    table.insert(lenses, { title = l.command and l.command.title, line = l.range.start.line, command = l.command and l.command.command })
  end
  step('lenses', lenses)
  local oh = c3.request_sync('textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(b3) }, position = { line = 2, character = 14 } }, 10000, b3)
  step('option_hover', oh and oh.result and oh.result.contents and oh.result.contents.value or '')
end)

result.ok = ok
result.error = ok and vim.NIL or tostring(err)
local f = assert(io.open(result_path, 'w'))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qa!')
