-- The rockspec stays in step with the library and the files it names.
local govinfo = require "govinfo"
local support = require "support"

local function load_rockspec(path)
  local fields = {}
  local chunk
  if setfenv then -- Lua 5.1, LuaJIT
    chunk = assert(loadfile(path))
    setfenv(chunk, fields)
  else
    chunk = assert(loadfile(path, "t", fields))
  end
  chunk()
  return fields
end

describe("the rockspec", function()
  local name = "govinfo-" .. govinfo.version .. "-1.rockspec"
  local rockspec = load_rockspec(support.root .. "/bindings/lua/" .. name)

  it("is named for and carries the library's version", function()
    assert.are.equal("govinfo", rockspec.package)
    assert.are.equal(govinfo.version .. "-1", rockspec.version)
    assert.are.equal("v" .. govinfo.version, rockspec.source.tag)
  end)

  it("builds govinfo.core from the module's source and installs govinfo/init.lua", function()
    local core = rockspec.build.modules["govinfo.core"]
    assert.are.same({ "bindings/lua/src/core.c" }, core.sources)
    assert.is_true(support.exists(support.root .. "/" .. core.sources[1]))
    assert.are.equal("bindings/lua/govinfo/init.lua", rockspec.build.modules.govinfo)
    assert.is_true(support.exists(support.root .. "/" .. rockspec.build.modules.govinfo))
  end)
end)
