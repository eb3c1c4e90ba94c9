-- Cells: get/set of numbers, marks, blanks and absent cells; exact decimals.
local govinfo = require "govinfo"
local support = require "support"

local TOTAL = "table3.new_received.total"
local FEE = "table2_art20_8.admin_fees.fee_amount" -- money, 万元

describe("report:get", function()
  local report
  before_each(function() report = assert(govinfo.load(support.huaian)) end)
  after_each(function()
    report:close()
    collectgarbage()
  end)

  it("returns integers as Lua numbers (integers on Lua 5.4)", function()
    assert.are.equal(3119, report:get(TOTAL))
    if math.type then assert.are.equal("integer", math.type(report:get(TOTAL))) end
  end)

  it("returns a decimal with a fraction as the nearest number, exact text by decimal()", function()
    assert.are.equal(96171.6, report:get(FEE))
    if math.type then assert.are.equal("float", math.type(report:get(FEE))) end
    assert.are.equal("96171.6", report:decimal(FEE))
    assert.are.equal("3119", report:decimal(TOTAL))
  end)

  it("returns nil for an absent cell and nil, message, code for an unknown id", function()
    assert.is_nil(report:get("table3.other_processing.total"))
    assert.are.equal(1, select("#", report:get("table3.other_processing.total")))
    local value, message, code = report:get("table3.no_such_row.total")
    assert.is_nil(value)
    assert.are.equal("GOVINFO_ENOTFOUND", code)
    assert.is_truthy(message:find("no_such_row", 1, true))
  end)

  it("treats a heading row, which never holds figures, as unknown", function()
    assert.are.equal("GOVINFO_ENOTFOUND", select(3, report:get("table3.results.total")))
  end)

  it("gives decimal() failures for cells that hold no number", function()
    report:set(TOTAL, govinfo.BLANK)
    assert.are.equal("GOVINFO_ETYPE", select(3, report:decimal(TOTAL)))
    assert.are.equal("GOVINFO_ETYPE", select(3, report:decimal("table3.other_processing.total")))
  end)

  it("raises when the id is not a string", function()
    support.raises("bad argument #2", report.get, report)
    support.raises("bad argument #2", report.get, report, {})
    support.raises("bad argument #1", report.get, TOTAL)
  end)
end)

describe("report:set", function()
  local report
  before_each(function() report = assert(govinfo.template("2021", 2025, "某县人民政府")) end)
  after_each(function()
    report:close()
    collectgarbage()
  end)

  it("sets integers, and the saved document holds them", function()
    assert.is_true(report:set(TOTAL, 42))
    assert.are.equal(42, report:get(TOTAL))
    assert.are.equal("42", report:decimal(TOTAL))
    assert.is_truthy(report:dumps("json"):find('"total":%s*42'))
  end)

  it("stores integral floats as integers", function()
    assert.is_true(report:set(TOTAL, 7.0))
    assert.are.equal("7", report:decimal(TOTAL))
    if math.type then assert.are.equal("integer", math.type(report:get(TOTAL))) end
  end)

  it("stores a fraction as its shortest decimal text", function()
    assert.is_true(report:set(FEE, 96171.6))
    assert.are.equal("96171.6", report:decimal(FEE))
    assert.is_true(report:set(FEE, 0.1 + 0.2))
    assert.are.equal("0.3", report:decimal(FEE))
    assert.is_true(report:set(FEE, -2.5))
    assert.are.equal("-2.5", report:decimal(FEE))
  end)

  it("sets exact decimal text with set_decimal", function()
    assert.is_true(report:set_decimal(FEE, "0.000001"))
    assert.are.equal("0.000001", report:decimal(FEE))
    assert.are.equal(0.000001, report:get(FEE))
    local ok, _, code = report:set_decimal(FEE, "0.0000001")
    assert.is_nil(ok)
    assert.are.equal("GOVINFO_ERANGE", code)
    assert.are.equal("GOVINFO_ETYPE", select(3, report:set_decimal(FEE, "1e3")))
    assert.are.equal("0.000001", report:decimal(FEE)) -- failures change nothing
  end)

  it("refuses numbers beyond 2^53 and numbers that are not finite", function()
    assert.is_true(report:set(TOTAL, 2 ^ 53))
    assert.are.equal("9007199254740992", report:decimal(TOTAL))
    local ok, message, code = report:set(TOTAL, 2 ^ 60)
    assert.is_nil(ok)
    assert.are.equal("GOVINFO_ERANGE", code)
    assert.is_string(message)
    assert.are.equal("GOVINFO_ETYPE", select(3, report:set(TOTAL, 0 / 0)))
    assert.are.equal("GOVINFO_ETYPE", select(3, report:set(TOTAL, 1e300 * 1e300)))
    assert.are.equal("GOVINFO_ETYPE", select(3, report:set(FEE, 1.5e-300)))
    assert.are.equal("9007199254740992", report:decimal(TOTAL))
  end)

  it("sets marks from strings, and refuses number-like or empty text", function()
    assert.is_true(report:set(TOTAL, "/"))
    assert.are.equal("/", report:get(TOTAL))
    assert.is_true(report:set(FEE, "251000元"))
    assert.are.equal("251000元", report:get(FEE))
    local ok, message, code = report:set(TOTAL, "12")
    assert.is_nil(ok)
    assert.are.equal("GOVINFO_ETYPE", code)
    assert.is_truthy(message:find("12", 1, true))
    assert.are.equal("GOVINFO_ETYPE", select(3, report:set(TOTAL, "")))
    assert.are.equal("GOVINFO_EINVAL", select(3, report:set(TOTAL, "\255\254")))
    assert.are.equal("/", report:get(TOTAL))
  end)

  it("blanks a cell with govinfo.BLANK and clears it with nil", function()
    report:set(TOTAL, 5)
    assert.is_true(report:set(TOTAL, govinfo.BLANK))
    assert.are.equal(govinfo.BLANK, report:get(TOTAL))
    assert.is_truthy(report:dumps("json"):find('"total":%s*null'))
    assert.is_true(report:set(TOTAL, nil))
    assert.is_nil(report:get(TOTAL))
    report:set(TOTAL, 5)
    assert.is_true(report:set(TOTAL))
    assert.is_nil(report:get(TOTAL))
  end)

  it("returns GOVINFO_ENOTFOUND for an unknown cell", function()
    local ok, message, code = report:set("table9.x.y", 1)
    assert.is_nil(ok)
    assert.are.equal("GOVINFO_ENOTFOUND", code)
    assert.is_string(message)
  end)

  it("raises for values of other types", function()
    support.raises("govinfo.BLANK or nil expected, got boolean", report.set, report, TOTAL, true)
    support.raises("got table", report.set, report, TOTAL, {})
    support.raises("got function", report.set, report, TOTAL, print)
    support.raises("NUL", report.set, report, TOTAL, "a\0b")
    support.raises("bad argument #3", report.set_decimal, report, FEE, nil)
  end)
end)

describe("govinfo.BLANK", function()
  it("is one read-only value that prints as govinfo.BLANK", function()
    assert.are.equal("govinfo.BLANK", tostring(govinfo.BLANK))
    support.raises("read-only", function() govinfo.BLANK.x = 1 end)
    assert.are.equal(false, getmetatable(govinfo.BLANK))
  end)

  it("stays the same value when the module is loaded again", function()
    local blank = govinfo.BLANK
    package.loaded["govinfo"], package.loaded["govinfo.core"] = nil, nil
    local again = require "govinfo"
    assert.are.equal(blank, again.BLANK)
    local report = assert(again.template("2021", 2025))
    assert.are.equal(blank, report:get(TOTAL))
    assert.is_true(report:set(TOTAL, blank))
  end)
end)
