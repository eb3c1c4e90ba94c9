-- report:validate(): ok plus every finding as a plain table, the same as the CLI's JSON.
local govinfo = require "govinfo"
local support = require "support"

local FIELDS = { "rule", "severity", "message", "message_en", "paths", "expected", "actual",
  "file", "line", "column", "fingerprint" }
local FORMATTED = { "text", "text_en" } -- the lines of govinfo validate

-- The Lua findings and the CLI's JSON findings of the same file, field by field.
local function assert_same_as_cli(path, findings)
  local cli = support.cli_findings(path)
  assert.are.equal(#cli.diagnostics, #findings)
  for i, d in ipairs(findings) do
    for _, field in ipairs(FIELDS) do
      assert.are.same(cli.diagnostics[i][field], d[field])
    end
  end
  return cli
end

describe("report:validate", function()
  after_each(function()
    support.cleanup()
    collectgarbage()
  end)

  it("finds no error in the example reports", function()
    for _, path in ipairs({ support.huaian, support.suibin }) do
      local report = assert(govinfo.load(path))
      local ok, findings = report:validate()
      assert.is_true(ok)
      for _, d in ipairs(findings) do assert.are_not.equal("error", d.severity) end
      local cli = assert_same_as_cli(path, findings)
      assert.is_true(cli.valid)
    end
  end)

  it("gives each finding as the line govinfo validate prints, in Chinese and English", function()
    local path = support.modified_example(support.huaian, "table3", "new_received",
      "natural_person", "3002")
    local report = assert(govinfo.load(path))
    local _, findings = report:validate()
    local zh, en = support.cli_lines(path, "zh"), support.cli_lines(path, "en")
    assert.are.equal(#zh, #findings)
    for i, d in ipairs(findings) do
      assert.are.equal(zh[i], d.text)
      assert.are.equal(en[i], d.text_en)
    end
    assert.is_truthy(findings[1].text_en:find("[table3.balance]", 1, true))
  end)

  it("reports a broken balance with the cell's line, column and both sides", function()
    local path = support.modified_example(support.huaian, "table3", "new_received",
      "natural_person", "3002")
    local report = assert(govinfo.load(path))
    local ok, findings = report:validate()
    assert.is_false(ok)
    local balance
    for _, d in ipairs(findings) do
      if d.rule == "table3.balance" then balance = d end
    end
    assert.is_table(balance)
    assert.are.equal("error", balance.severity)
    assert.are.equal(path, balance.file)
    assert.is_string(balance.message)
    assert.is_string(balance.message_en)
    assert.is_truthy(balance.paths[1]:find("^/tables/table3/"))
    -- The file holds the located cell's value at that line and column.
    local id = balance.paths[1]:gsub("^/tables/", ""):gsub("/", ".")
    local value = report:decimal(id)
    local text = support.line_of(path, balance.line)
    assert.are.equal(value, text:sub(balance.column, balance.column + #value - 1))
    -- Exact decimal text of the two sides, one apart.
    assert.are.equal(1, math.abs(tonumber(balance.expected) - tonumber(balance.actual)))
    local cli = assert_same_as_cli(path, findings)
    assert.is_false(cli.valid)
  end)

  it("gives plain tables, with nil for what is unknown", function()
    local report = assert(govinfo.template("2021", 2025))
    local ok, findings = report:validate()
    assert.is_false(ok) -- the organ is missing
    assert.is_true(#findings > 100)
    for _, d in ipairs(findings) do
      assert.is_nil(getmetatable(d))
      assert.is_nil(getmetatable(d.paths))
      assert.is_nil(d.file) -- built in memory
      assert.is_nil(d.line)
      assert.is_nil(d.column)
      assert.is_true(#d.paths >= 1)
      for key in pairs(d) do
        local known = false
        for _, field in ipairs(FIELDS) do known = known or field == key end
        for _, field in ipairs(FORMATTED) do known = known or field == key end
        assert.is_true(known, key)
      end
    end
    local blank
    for _, d in ipairs(findings) do
      if d.rule == "cell.blank" then blank = d end
    end
    assert.are.equal("warning", blank.severity)
    assert.is_nil(blank.expected)
    assert.is_nil(blank.actual)
  end)

  it("matches the CLI on a report saved from a template", function()
    local report = assert(govinfo.template("2019", 2020, "某镇人民政府"))
    report:set("table3.new_received.natural_person", 3)
    report:set("table3.carried_over.natural_person", "/")
    local path = support.tmpname(".yaml")
    assert.is_true(report:save(path))
    local ok, findings = assert(govinfo.load(path)):validate()
    assert.is_boolean(ok)
    assert_same_as_cli(path, findings)
  end)

  it("runs on a closed report only by raising", function()
    local report = assert(govinfo.new("2021"))
    report:close()
    support.raises("closed", report.validate, report)
  end)
end)
