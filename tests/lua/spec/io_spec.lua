-- Writing: dumps and save, canonical and atomic.
local govinfo = require "govinfo"
local support = require "support"

describe("report:dumps", function()
  local report
  before_each(function() report = assert(govinfo.load(support.huaian)) end)
  after_each(function()
    report:close()
    support.cleanup()
    collectgarbage()
  end)

  it("writes canonical JSON and YAML that read back as an equal report", function()
    for _, syntax in ipairs({ "json", "yaml" }) do
      local text = report:dumps(syntax)
      assert.are.equal(text, report:dumps(syntax))
      local again = assert(govinfo.loads(text, syntax))
      assert.is_true(again == report)
      assert.are.equal(text, again:dumps(syntax))
    end
    assert.are.equal("{", report:dumps("json"):sub(1, 1))
  end)

  it("saves exactly what dumps returns", function()
    local path = support.tmpname(".yaml")
    assert.is_true(report:save(path))
    assert.are.equal(support.read(path), report:dumps("yaml"))
  end)

  it("adds the Chinese labels as comments on request", function()
    local plain, labelled = report:dumps("yaml"), report:dumps("yaml", { labels = true })
    assert.is_nil(plain:find("# 行政事业性收费", 1, true))
    assert.is_truthy(labelled:find("# 行政事业性收费", 1, true))
    assert.are.equal(plain, report:dumps("yaml", { labels = false }))
    assert.is_true(assert(govinfo.loads(labelled, "yaml")) == report)
  end)

  it("raises on a missing or unknown syntax or option", function()
    support.raises("bad argument #1", report.dumps)
    support.raises("bad argument #2", report.dumps, report)
    support.raises("bad argument #2", report.dumps, report, "xml")
    support.raises("the only option is 'labels'", report.dumps, report, "yaml", { label = true })
    support.raises("the only option is 'labels'", report.dumps, report, "yaml", { true })
    support.raises("bad argument #3", report.dumps, report, "yaml", "labels")
  end)
end)

describe("report:save", function()
  local report
  before_each(function() report = assert(govinfo.load(support.suibin)) end)
  after_each(function()
    report:close()
    support.cleanup()
    collectgarbage()
  end)

  it("picks the syntax from the extension, or takes the one given", function()
    local json_path, text_path = support.tmpname(".json"), support.tmpname(".txt")
    assert.is_true(report:save(json_path))
    assert.are.equal(report:dumps("json"), support.read(json_path))
    assert.is_true(report:save(text_path, "yaml", { labels = true }))
    assert.are.equal(report:dumps("yaml", { labels = true }), support.read(text_path))
  end)

  it("returns GOVINFO_EINVAL when the extension does not tell", function()
    local ok, message, code = report:save(support.tmpname(".txt"))
    assert.is_nil(ok)
    assert.are.equal("GOVINFO_EINVAL", code)
    assert.is_truthy(message:find(".json", 1, true))
  end)

  it("returns GOVINFO_EIO and leaves nothing behind when the directory is missing", function()
    local path = support.root .. "/no/such/dir/report.json"
    local ok, message, code = report:save(path)
    assert.is_nil(ok)
    assert.are.equal("GOVINFO_EIO", code)
    assert.is_string(message)
    assert.is_false(support.exists(path))
  end)

  it("replaces an existing file whole", function()
    local path = support.tmpname(".yaml")
    support.write(path, ("x"):rep(100000))
    assert.is_true(report:save(path))
    assert.are.equal(report:dumps("yaml"), support.read(path))
  end)
end)
