-- Loads a report, validates it and prints every finding, clang-style.
--
--   lua check.lua report.yaml
--
-- Runs on Lua 5.1, 5.4 and LuaJIT with the govinfo module installed (or on LUA_PATH and
-- LUA_CPATH). Exit status: 0 valid, 1 errors found, 2 the report could not be read.
local govinfo = require "govinfo"

local path = arg[1]
if path == nil or arg[2] ~= nil then
  io.stderr:write("usage: lua check.lua REPORT.yaml|REPORT.json\n")
  os.exit(2)
end

local report, message = govinfo.load(path)
if report == nil then
  io.stderr:write(message, "\n") -- "file:line:column: error: what went wrong"
  os.exit(2)
end

local ok, findings = report:validate() -- ok is false when errors are found, nil on failure
if ok == nil then
  io.stderr:write(path, ": ", findings, "\n")
  os.exit(2)
end
local count = { error = 0, warning = 0, note = 0 }
for _, d in ipairs(findings) do
  io.write(d.text_en, "\n") -- "file:line:column: severity: message [rule]"
  count[d.severity] = count[d.severity] + 1
end

local meta = report:metadata()
io.write(("%s %s (format %s, %s): %d errors, %d warnings\n"):format(
  meta.organ or "(no organ)", count.error > 0 and "fails" or "passes", meta.format,
  meta.year or "no year", count.error, count.warning))
report:close()
os.exit(count.error > 0 and 1 or 0)
