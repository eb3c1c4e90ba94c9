-- Importing published reports: govinfo.import_text and govinfo.import_file.
local govinfo = require "govinfo"
local support = require "support"

local fixtures = support.root .. "/tests/data/fixtures/"

local function rules_of(findings)
  local rules = {}
  for i, d in ipairs(findings) do rules[i] = d.rule end
  return rules
end

describe("govinfo.import_text", function()
  after_each(function() collectgarbage() end)

  it("reads every cell of a layout text and notes the misspelt label", function()
    local path = fixtures .. "huaian-hongze-2023.layout.txt"
    local report, findings = govinfo.import_text(support.read(path), "text", path)
    assert.is_not_nil(report, findings)
    -- the misspelt label, after the publication date the PDF does not print (line 1)
    assert.are.same({ "import.metadata_missing", "import.label_variant" }, rules_of(findings))
    assert.are.equal(path, findings[2].file)
    assert.is_true(findings[2].line > 1)
    assert.are.equal(21, report:get("table3.new_received.total"))
    assert.are.equal("7730.28", report:decimal("table2_art20_8.admin_fees.fee_amount"))
    -- the report prints two table-4 totals as 0: kept as printed, found by validation
    assert.are.equal(0, report:get("table4.review.total"))
    local ok = report:validate()
    assert.is_false(ok)
    report:close()
  end)

  it("gives the same report as the reference document for a reading-order text", function()
    local report = assert(govinfo.import_text(support.read(fixtures .. "suibin-2020.txt")))
    local want = assert(govinfo.load(fixtures .. "suibin-2020.yaml"))
    local meta = report:metadata()
    assert.are.equal(want:metadata().organ, meta.organ)
    assert.are.equal("2021-01-15", meta.published)
    for _, id in ipairs({ "table3.new_received.total", "table4.litigation_after_review.total",
                          "table2_art20_9.centralized_procurement.total_amount" }) do
      assert.are.equal(want:get(id), report:get(id))
    end
  end)

  it("returns nil, message, code for text that is no report", function()
    local report, message, code = govinfo.import_text("hello\nworld\n", "auto", "hello.txt")
    assert.is_nil(report)
    assert.are.equal("GOVINFO_EPARSE", code)
    assert.is_truthy(message:find("hello.txt", 1, true))
  end)

  it("raises on misuse", function()
    support.raises("bad argument #1", govinfo.import_text, nil)
    support.raises("bad argument #2", govinfo.import_text, "text", "pdf")
  end)
end)

describe("govinfo.import_file", function()
  it("names the cells it could not read instead of guessing them", function()
    local report, findings = govinfo.import_file(fixtures .. "huaian-city-2024.txt")
    assert.is_not_nil(report, findings)
    -- one finding for table 4, which cannot be read at all (and the missing date)
    assert.are.same({ "import.metadata_missing", "import.cell_unread" }, rules_of(findings))
    assert.is_nil(report:get("table4.review.total"))
    assert.are.equal(3119, report:get("table3.new_received.total"))
    report:close()
  end)

  it("reads a PDF like its layout text", function()
    if not io.open("/usr/bin/pdftotext") then return pending("pdftotext is not installed") end
    local from_pdf = assert(govinfo.import_file(fixtures .. "huaian-city-2024.pdf"))
    local from_text = assert(govinfo.import_file(fixtures .. "huaian-city-2024.layout.txt"))
    -- provenance apart: each names its own file and the hash of its own bytes
    assert.are_not.equal(from_pdf:metadata().source_sha256, from_text:metadata().source_sha256)
    for _, report in ipairs({ from_pdf, from_text }) do
      assert(report:set_metadata("source", nil))
      assert(report:set_metadata("source_sha256", nil))
    end
    assert.is_true(from_pdf == from_text)
  end)

  it("returns nil, message, code for a missing file", function()
    local report, _, code = govinfo.import_file(fixtures .. "no-such-report.txt")
    assert.is_nil(report)
    assert.are.equal("GOVINFO_EIO", code)
  end)
end)
