local govinfo = require "govinfo"
local report = assert(govinfo.load("examples/reports/huaian-2024.yaml"))
report:set("table3.new_received.natural_person", 3002)   -- the report prints 3001
local ok, findings = report:validate()                   -- ok == false: errors found
for _, d in ipairs(findings) do print(d.line, d.severity, d.message_en, d.rule) end
