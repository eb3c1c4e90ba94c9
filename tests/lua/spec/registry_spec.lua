-- govinfo.formats(), rules(), cells() and the options of report:validate (issue 12).
local govinfo = require "govinfo"
local support = require "support"

describe("the registry", function()
  it("lists the formats", function()
    local ids = {}
    for _, f in ipairs(govinfo.formats()) do ids[#ids + 1] = f.id end
    assert.are.same({ "2019", "2021" }, ids)
    assert.are.equal(2019, govinfo.formats()[1].first_year)
    assert.is_nil(govinfo.formats()[2].last_year)
  end)

  it("lists the rules with the formats they apply to", function()
    local by_id = {}
    for _, r in ipairs(govinfo.rules()) do by_id[r.id] = r end
    assert.are.equal("error", by_id["table3.balance"].severity)
    assert.are.equal("warning", by_id["cell.blank"].severity)
    assert.is_true(#by_id["cell.blank"].formats >= 2)
    assert.is_string(by_id["cell.blank"].description_en)
  end)

  it("lists the cell ids of a format, each of which a report knows", function()
    local cells = govinfo.cells("2021")
    assert.is_true(#cells > 100)
    local report = assert(govinfo.template("2021", 2024))
    for _, id in ipairs(cells) do
      local value, message = report:get(id)
      assert.is_nil(message)
      assert.are.equal(govinfo.BLANK == value or value == nil, true)
    end
    local none, message, code = govinfo.cells("2099")
    assert.is_nil(none)
    assert.are.equal("GOVINFO_ENOTFOUND", code)
    assert.is_truthy(message:find("2099", 1, true))
  end)

  it("suggests the cell id meant", function()
    local report = assert(govinfo.load(support.suibin))
    local value, message, code = report:get("table3.new_recieved.natural_person")
    assert.is_nil(value)
    assert.are.equal("GOVINFO_ENOTFOUND", code)
    assert.is_truthy(message:find('did you mean "table3.new_received.natural_person"?', 1, true))
  end)
end)

describe("report:validate options", function()
  it("makes warnings errors with strict, and picks rules", function()
    local report = assert(govinfo.template("2021", 2024, "某县"))
    local ok, findings = report:validate()
    assert.is_true(ok)
    assert.is_true(#findings > 0)
    local strict_ok, strict = report:validate({ strict = true })
    assert.is_false(strict_ok)
    assert.are.equal(#findings, #strict)
    for _, d in ipairs(strict) do assert.are_not.equal("warning", d.severity) end
    local _, only = report:validate({ enable = { "sections.problems_empty" } })
    for _, d in ipairs(only) do assert.are.equal("sections.problems_empty", d.rule) end
    assert.are.equal(1, #only)
    local _, without = report:validate({ disable = { "cell.blank" } })
    for _, d in ipairs(without) do assert.are_not.equal("cell.blank", d.rule) end
  end)

  it("refuses an unknown rule with a suggestion, and raises on misuse", function()
    local report = assert(govinfo.template("2021", 2024))
    local ok, message, code = report:validate({ disable = { "cell.blnk" } })
    assert.is_nil(ok)
    assert.are.equal("GOVINFO_ENOTFOUND", code)
    assert.is_truthy(message:find('did you mean "cell.blank"?', 1, true))
    assert.has_error(function() report:validate({ strikt = true }) end)
    assert.has_error(function() report:validate({ enable = "cell.blank" }) end)
  end)

  it("refuses a template of a version that does not apply to the year", function()
    local report, message, code = govinfo.template("2021", 2019)
    assert.is_nil(report)
    assert.are.equal("GOVINFO_EINVAL", code)
    assert.is_truthy(message:find("use 2019", 1, true))
  end)
end)
