-- Shared by the specs: where the fixtures are, temporary files, and looks at the same data
-- that do not go through the binding (the CLI's JSON, the file's own lines).
local support = {}

support.root = assert(os.getenv("GOVINFO_SOURCE_ROOT"), "GOVINFO_SOURCE_ROOT is not set")
support.cli = os.getenv("GOVINFO_CLI")
-- Format 2021, with the money figure 96171.6 and every metadata field.
support.huaian = support.root .. "/examples/reports/huaian-2024.yaml"
-- Format 2019.
support.suibin = support.root .. "/examples/reports/suibin-2020.yaml"

function support.read(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("*a")
  f:close()
  return text
end

function support.write(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

local made = {}

-- A fresh file name ending in ext; support.cleanup() removes what was made.
function support.tmpname(ext)
  local base = os.tmpname() -- created on Lua 5.1 and 5.4; kept so the name stays ours
  made[#made + 1] = base
  made[#made + 1] = base .. ext
  return base .. ext
end

function support.cleanup()
  for _, path in ipairs(made) do os.remove(path) end
  made = {}
end

-- Runs fn(...) and checks that it raises an error whose text contains `text`.
function support.raises(text, fn, ...)
  local ok, err = pcall(fn, ...)
  assert(not ok, "expected an error containing: " .. text)
  err = tostring(err)
  assert(err:find(text, 1, true), ("error %q does not contain %q"):format(err, text))
  return err
end

function support.exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

-- The line `line` of a file (1-based).
function support.line_of(path, line)
  local n = 0
  for text in io.lines(path) do
    n = n + 1
    if n == line then return text end
  end
end

local function shell_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- What `govinfo validate --json path` reports: the library's own JSON of the findings, read
-- with dkjson (null becomes nil).
function support.cli_findings(path)
  local json = require "dkjson"
  local pipe = assert(io.popen(shell_quote(assert(support.cli, "GOVINFO_CLI is not set"))
    .. " validate --json " .. shell_quote(path) .. " 2>/dev/null"))
  local text = pipe:read("*a")
  pipe:close()
  return assert(json.decode(text), "the CLI printed no JSON: " .. text)
end

-- The lines `govinfo validate --lang LANG path` prints: one finding per line.
function support.cli_lines(path, lang)
  local pipe = assert(io.popen(shell_quote(support.cli) .. " validate --lang " .. lang .. " "
    .. shell_quote(path) .. " 2>/dev/null"))
  local lines = {}
  for line in pipe:lines() do lines[#lines + 1] = line end
  pipe:close()
  return lines
end

-- A copy of example `path` with one cell's printed value replaced, written to a temporary
-- file; lines and columns stay where they were. row_key/column_key name the YAML keys.
function support.modified_example(path, table_key, row_key, column_key, new_value)
  local lines, state = {}, 0
  local keys = {
    "  " .. table_key .. ":", "    " .. row_key .. ":", "      " .. column_key .. ": ",
  }
  for text in io.lines(path) do
    if state < 3 and text:sub(1, #keys[state + 1]) == keys[state + 1] then
      state = state + 1
      if state == 3 then text = keys[3] .. new_value end
    end
    lines[#lines + 1] = text
  end
  assert(state == 3, "cell not found in " .. path)
  local out = support.tmpname(".yaml")
  support.write(out, table.concat(lines, "\n") .. "\n")
  return out
end

return support
