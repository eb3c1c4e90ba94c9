-- luacheck (Debian lua-check), run by scripts/lint.sh over bindings/lua, tests/lua and
-- examples/lua.

-- One source runs on Lua 5.1, 5.4 and LuaJIT and tests which one it is on (math.type,
-- setfenv, ...): allow the globals of every version.
std = "max"
max_line_length = 100

-- busted specs: describe, it, before_each, assert.are, ...
files["tests/lua/spec"] = { std = "+busted" }

-- The README's lines, verbatim: they name validate's first result (ok) to show what it is.
files["tests/lua/readme_example.lua"] = { ignore = { "211/ok" } }
