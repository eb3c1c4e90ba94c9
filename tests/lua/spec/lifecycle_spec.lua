-- Closing: close(), __gc and Lua 5.4's <close>, each safe to repeat; a closed report raises.
local govinfo = require "govinfo"
local support = require "support"

describe("closing a report", function()
  after_each(function() collectgarbage() end)

  it("can be done twice", function()
    local report = assert(govinfo.load(support.suibin))
    report:close()
    report:close()
    assert.is_truthy(tostring(report):find("^govinfo.report %(closed%)"))
  end)

  it("makes every method raise afterwards", function()
    local report, other = assert(govinfo.template("2021", 2025)), assert(govinfo.new("2021"))
    report:close()
    for _, call in ipairs({
      function() return report:get("table3.new_received.total") end,
      function() return report:set("table3.new_received.total", 1) end,
      function() return report:decimal("table3.new_received.total") end,
      function() return report:validate() end,
      function() return report:dumps("json") end,
      function() return report:save(support.tmpname(".json")) end,
      function() return report:metadata() end,
      function() return report:sections() end,
      function() return report:copy() end,
      function() return report == other end,
    }) do
      support.raises("attempt to use a closed govinfo report", call)
    end
    support.cleanup()
  end)

  it("raises when a method is called with a dot instead of a colon", function()
    local report = assert(govinfo.new("2021"))
    support.raises("bad argument #1", report.get, "table3.new_received.total")
    support.raises("govinfo.report expected", report.close, {})
  end)

  it("is left to the garbage collector when forgotten", function()
    for _ = 1, 50 do
      local report = assert(govinfo.load(support.huaian))
      report:validate()
      report:copy()
    end
    collectgarbage()
    collectgarbage()
    -- A closed report is collected as well; its __gc must not free it again.
    assert(govinfo.new("2019")):close()
    collectgarbage()
  end)

  if _VERSION == "Lua 5.4" then
    it("happens when a <close> variable goes out of scope", function()
      local chunk = assert(load([[
        local govinfo, path = ...
        local kept
        do
          local report <close> = assert(govinfo.load(path))
          kept = report
          assert(kept:get("table3.new_received.total") == 3119)
        end
        return kept
      ]]))
      local kept = chunk(govinfo, support.huaian)
      support.raises("closed", kept.get, kept, "table3.new_received.total")
    end)

    it("happens on the way out of an error under <close>", function()
      local kept
      local ok = pcall(assert(load([[
        local govinfo, keep = ...
        local report <close> = assert(govinfo.new("2021"))
        keep(report)
        error("boom")
      ]])), govinfo, function(r) kept = r end)
      assert.is_false(ok)
      support.raises("closed", kept.validate, kept)
    end)
  else
    pending("<close> variables exist from Lua 5.4 on")
  end
end)
