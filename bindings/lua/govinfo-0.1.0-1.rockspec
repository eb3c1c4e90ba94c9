-- LuaRocks package of the Lua binding. libgovinfo itself must be installed first (meson
-- install); from a checkout of the repository:
--   luarocks make bindings/lua/govinfo-0.1.0-1.rockspec [GOVINFO_DIR=/usr/local]
rockspec_format = "3.0"
package = "govinfo"
version = "0.1.0-1"
-- libgovinfo has no public repository or homepage yet: the source is the checkout this
-- file is in, built with `luarocks make` (which does not fetch source.url).
source = {
  url = "file://.",
  tag = "v0.1.0",
}
description = {
  summary = "Annual government-information-disclosure reports (政府信息公开工作年度报告): "
    .. "data model, validation, JSON and YAML",
  detailed = [[
A thin binding of libgovinfo's C API for Lua 5.1, 5.4 and LuaJIT.

  local govinfo = require "govinfo"
  local report = assert(govinfo.load("report.yaml"))
  local ok, diagnostics = report:validate()

govinfo.load(path), govinfo.loads(text, syntax), govinfo.template(format, year) make
reports; report:validate() returns ok and the findings as plain tables {rule, severity,
message, message_en, paths, expected, actual, file, line, column}; report:get(id) and
report:set(id, value) read and write cells; report:dumps(syntax) and report:save(path)
write canonical JSON or YAML; report:close() (also __gc and Lua 5.4's <close>) frees it.

Cell values: nil for an absent cell, govinfo.BLANK (a unique sentinel) for a blank one, a
string for a mark such as "/", a number for a number. Integers are exact (Lua 5.4
integers); a decimal with a fraction comes back as the nearest double, and
report:decimal(id) gives its exact text. Expected failures return nil, message, code with
code the status name ("GOVINFO_EPARSE", ...) and the message led by file:line:column;
misuse (wrong argument types, a closed report) raises.
]],
  license = "MIT",
}
dependencies = {
  "lua >= 5.1, < 5.5",
}
external_dependencies = {
  GOVINFO = {
    header = "govinfo/govinfo.h",
    library = "govinfo",
  },
}
build = {
  type = "builtin",
  modules = {
    ["govinfo.core"] = {
      sources = { "bindings/lua/src/core.c" },
      incdirs = { "$(GOVINFO_INCDIR)" },
      libdirs = { "$(GOVINFO_LIBDIR)" },
      libraries = { "govinfo", "m" },
    },
    govinfo = "bindings/lua/govinfo/init.lua",
  },
}
