-- report:render and report:render_file (EXPERIMENTAL): the official layout, findings shown
-- or not, files written whole, failures as nil, message, code.
local govinfo = require "govinfo"
local support = require "support"

describe("report:render", function()
  local report
  before_each(function() report = assert(govinfo.load(support.huaian)) end)
  after_each(function()
    report:close()
    support.cleanup()
    collectgarbage()
  end)

  it("renders HTML with its findings, and the clean copy without", function()
    assert.is_true(report:set("table3.granted.research", 5))
    local page = report:render()
    assert.are.equal("<!DOCTYPE html>", page:sub(1, 15))
    assert.truthy(page:find("[table3.row_total]", 1, true))
    assert.truthy(page:find("申请人情况", 1, true))
    local clean = report:render("html", { findings = false })
    assert.falsy(clean:find("[table3.row_total]", 1, true))
    local english = report:render("html", { lang = "en" })
    assert.truthy(english:find("sum of the six applicant columns", 1, true))
  end)

  it("renders Markdown with HTML tables", function()
    local md = report:render("md", { findings = false })
    assert.are.equal("# ", md:sub(1, 2))
    assert.truthy(md:find("<table", 1, true))
  end)

  it("writes files, and says why it cannot", function()
    local path = support.tmpname(".html")
    assert.is_true(report:render_file(path, "html"))
    assert.are.equal(report:render(), support.read(path))
    local ok, message, code = report:render("xlsx")
    assert.is_nil(ok)
    assert.truthy(message:find("govinfo_report_render_file", 1, true))
    assert.are.equal("GOVINFO_EINVAL", code)
    assert.has_error(function() report:render("pdf") end)
    assert.has_error(function() report:render("html", { lang = "fr" }) end)
  end)
end)
