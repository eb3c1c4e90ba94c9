-- Across reports: govinfo.compare, govinfo.pair, govinfo.sum, govinfo.sum_against; and the
-- narrative findings that come with report:validate().
local govinfo = require "govinfo"
local support = require "support"

local fixtures = support.root .. "/tests/data/fixtures/"
local h2023 = fixtures .. "huaian-hongze-2023.yaml"
local h2024 = fixtures .. "huaian-hongze-2024.yaml"
local city = fixtures .. "huaian-city-2024.yaml"

local function rules_of(findings)
  local rules = {}
  for i, d in ipairs(findings) do rules[i] = d.rule end
  return rules
end

describe("govinfo.compare", function()
  after_each(function() collectgarbage() end)

  it("finds nothing between the real years of 洪泽区 and gives each section's reuse", function()
    local last, now = assert(govinfo.load(h2023)), assert(govinfo.load(h2024))
    local result = assert(govinfo.compare(last, now))
    assert.are.same({}, result.findings)
    assert.are.equal(6, #result.reuse)
    assert.are.equal("s1", result.reuse[1].section)
    assert.is_true(result.reuse[1].share > 0.3 and result.reuse[1].share < 0.5)
    assert.are.equal(result.reuse[6].chars, result.reuse[6].reused)
  end)

  it("finds a break in the carry-over, located in this year's file", function()
    local last, now = assert(govinfo.load(h2023)), assert(govinfo.load(h2024))
    assert(last:set("table3.carry_forward.total", 2))
    local result = assert(govinfo.compare(last, now))
    assert.are.same({ "year.carry_over" }, rules_of(result.findings))
    local d = result.findings[1]
    assert.are.equal("2", d.expected)
    assert.are.equal("0", d.actual)
    assert.are.equal(h2024, d.file)
    assert.is_true(d.line > 0)
    assert.is_truthy(d.text_en:find("[year.carry_over]", 1, true))
  end)

  it("takes options and refuses years that do not follow", function()
    local last, now = assert(govinfo.load(h2023)), assert(govinfo.load(h2024))
    local result = assert(govinfo.compare(last, now, { reuse_percent = 40 }))
    assert.are.same({ "year.text_reuse" }, rules_of(result.findings))
    result = assert(govinfo.compare(last, now, { sections = { "s6" } }))
    assert.are.same({ "year.text_reuse" }, rules_of(result.findings))
    local r, message, code = govinfo.compare(now, last)
    assert.is_nil(r)
    assert.are.equal("GOVINFO_EINVAL", code)
    assert.is_truthy(message:find("2024 and 2023", 1, true))
    support.raises("unknown option", govinfo.compare, last, now, { percent = 1 })
    support.raises("bad argument #2", govinfo.compare, last, "now")
  end)
end)

describe("govinfo.pair", function()
  it("pairs the years of a body and lists the rest", function()
    local a, b = assert(govinfo.load(h2024)), assert(govinfo.load(h2023))
    local c = assert(govinfo.load(city))
    local p = assert(govinfo.pair({ a, b, c }))
    assert.are.same({ { 2, 1 } }, p.pairs)
    assert.are.same({}, p.ambiguous)
    assert.are.same({ 3 }, p.unpaired)
    assert.are.equal("洪泽区人民政府", p.bodies[1])
    assert.are.equal("淮安市人民政府", p.bodies[3])
    local twice = assert(govinfo.pair({ a, b, assert(govinfo.load(h2024)) }))
    assert.are.same({}, twice.pairs)
    assert.are.same({ { 1, 2, 3 } }, twice.ambiguous)
    support.raises("array of reports", govinfo.pair, { a, "b" })
  end)
end)

describe("govinfo.sum", function()
  it("sums the bodies of one year and compares a parent with the sum", function()
    local a, b = assert(govinfo.load(h2024)), assert(govinfo.load(city))
    local total, findings = govinfo.sum({ a, b }, { organ = "淮安市合计" })
    assert.is_not_nil(total, findings)
    assert.are.equal(95 + 3119, total:get("table3.new_received.total"))
    assert.are.equal("103716.6", total:decimal("table2_art20_8.admin_fees.fee_amount"))
    assert.are.equal("淮安市合计", total:metadata().organ)
    assert.are.same({ "sum.absent" }, rules_of(findings)) -- 洪泽区 prints （六） as one row
    local notes = assert(govinfo.sum_against(b, total))
    assert.is_true(#notes > 0)
    assert.are.equal("sum.differs", notes[1].rule)
    assert.are.equal(city, notes[1].file)
  end)

  it("counts blanks as zero when asked and refuses different years", function()
    local a, b = assert(govinfo.load(h2024)), assert(govinfo.load(city))
    assert(a:set("table4.review.other", govinfo.BLANK))
    local total, findings = assert(govinfo.sum({ a, b }))
    assert.is_nil(total:get("table4.review.other"))
    assert.are.equal(2, #findings)
    total = assert(govinfo.sum({ a, b }, { blank_as_zero = true }))
    assert.are.equal(178, total:get("table4.review.other"))
    local r, message, code = govinfo.sum({ a, assert(govinfo.load(h2023)) })
    assert.is_nil(r)
    assert.are.equal("GOVINFO_EINVAL", code)
    assert.is_truthy(message:find("different years", 1, true))
  end)
end)

describe("the narrative", function()
  it("comes with report:validate()", function()
    local r = assert(govinfo.load(city))
    assert(r:set("table3.new_received.total", 3120))
    local _, findings = r:validate()
    local found
    for _, d in ipairs(findings) do
      if d.rule == "narrative.received" then found = d end
    end
    assert.is_not_nil(found)
    assert.are.equal("3120", found.expected)
    assert.are.equal("3119", found.actual)
    assert.are.equal("/sections/0/text", found.paths[1])
    assert.is_true(found.line > 0 and found.column > 0)
  end)
end)
