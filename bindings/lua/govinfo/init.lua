--- govinfo: annual government-information-disclosure reports (政府信息公开工作年度报告) from Lua.
--
-- A thin layer over libgovinfo's public C API (the C module govinfo.core); it adds no logic
-- of its own. The same source runs on Lua 5.1, Lua 5.4 and LuaJIT.
--
--   local govinfo = require "govinfo"
--   local report = assert(govinfo.load("report.yaml"))
--   local ok, findings = report:validate()
--   for _, d in ipairs(findings) do print(d.line, d.severity, d.message_en, d.rule) end
--   report:close()
--
-- Functions
--   govinfo.load(path [, syntax])           report from a file; syntax "json", "yaml" or
--                                           "auto" (default: by extension, then content)
--   govinfo.loads(text [, syntax [, name]]) report from a string; name is used in messages
--   govinfo.template(format, year [, organ]) a report ready to fill in: every data cell
--                                           blank, the six sections with empty text
--   govinfo.new(format)                     an empty report: every cell absent
--   govinfo.import_text(text [, kind [, name]]) -> report, findings: a published report read
--                                           from its text; kind "auto" (default), "text"
--                                           (pdftotext output), "markdown", "html",
--                                           "tsv", "docx" or "xlsx".
--                                           findings (diagnostics, see below) are the
--                                           import.* ones: a cell not read with certainty
--                                           is absent and named by import.cell_unread.
--                                           Validate the report for its arithmetic.
--   govinfo.import_file(path)               -> report, findings; a PDF goes through
--                                           pdftotext (poppler-utils)
--   govinfo.compare(last, this [, options]) -> {findings = diagnostics, reuse = {{section=,
--                                           chars=, reused=, share=}, ...}}. EXPERIMENTAL.
--                                           this year's report against last year's (year.*
--                                           rules); this must be for the year after last.
--                                           options: {min_run=20, reuse_percent=50,
--                                           sections={"s1", "s5"}, jump_factor=5,
--                                           jump_min_base=10}
--   govinfo.pair(reports)                   -> {pairs = {{last, this}, ...}, ambiguous =
--                                           {{i, j, ...}, ...}, unpaired = {i, ...},
--                                           bodies = {[i] = name}}: indices into reports,
--                                           paired by body and consecutive years. EXPERIMENTAL.
--   govinfo.sum(parts [, {organ=, blank_as_zero=}]) -> report, findings: the reports of
--                                           one format and year summed cell by cell
--                                           (sum.absent findings). EXPERIMENTAL.
--   govinfo.sum_against(parent, sum)        -> findings: sum.differs notes where the
--                                           parent's printed figures differ. EXPERIMENTAL.
--   govinfo.BLANK                           the value of a blank cell (see Values)
--   govinfo.version                         the library's version string
--   govinfo.formats()                       {{id, name, first_year, last_year}, ...}
--   govinfo.rules()                         {{id, severity, description, description_en,
--                                           formats = {ids}}, ...}
--   govinfo.cells(format)                   every cell id of a format, in format order
--   format is a format version id: "2019" (report years 2019-2020) or "2021" (from 2021).
--
-- Report methods
--   report:validate([opts])    -> ok, diagnostics. ok is true when no finding is an error,
--                                 false otherwise: findings are data, not failures. Only
--                                 when the check cannot run (out of memory, an unknown rule
--                                 id, with a suggestion): nil, message, code. opts:
--                                 {strict = true} (warnings are errors), {enable = {ids}}
--                                 (only those rules), {disable = {ids}}.
--   report:get(id)             -> the cell's value (see Values); id "table3.new_received.total"
--   report:set(id, value)      -> true
--   report:decimal(id)         -> exact decimal text of a number cell, e.g. "96171.6"
--   report:set_decimal(id, text) -> true; sets a number from its exact decimal text
--   report:metadata()          -> {format=, year=, organ=, title=, published=, division_code=,
--                                 source=, source_sha256=, preface=, origin=}; unset fields
--                                 are nil
--   report:set_metadata(name, value) -> true; name is one of year, organ, title, published,
--                                 division_code, source, source_sha256, preface; nil unsets
--   report:sections()          -> array of {id=, title=, text=} in the report's order
--   report:set_section(id, text [, title]) -> true; title nil means the official one
--   report:remove_section(id)  -> true
--   report:dumps(syntax [, {labels = true}]) -> the canonical "json" or "yaml" text
--   report:save(path [, syntax [, {labels = true}]]) -> true; written atomically
--   report:render([format [, {findings = false, lang = "en"}]]) -> the report as published
--                                 (EXPERIMENTAL): format "html" (default) or "md", tables in
--                                 the official layout; findings shown unless findings = false
--   report:render_file(path [, format [, options]]) -> true; also "xlsx"; written atomically
--   report:copy()              -> a new, independent report
--   report:close()             frees the report now; also done by __gc and by Lua 5.4's
--                                 `local report <close> = ...`. Safe to call twice.
--   a == b                     true when both hold the same format, metadata, sections and cells
--   labels = true writes each row's and column's Chinese label as a YAML comment.
--
-- Values of cells
--   absent (not given)   nil
--   blank (printed empty, never zero)  govinfo.BLANK, a unique read-only table
--   a mark ("/", "—", "无", "251000元")  a string
--   a number             a Lua number. Integers (the library keeps them within 2^53) are
--                        exact, and Lua 5.4 integers. A decimal with a fraction, such as
--                        money in 万元, comes back as the nearest double: 0.1 is 0.1 only to
--                        double precision. Use report:decimal(id) for the exact text.
--   set accepts the same: nil clears, govinfo.BLANK blanks, a string sets a mark (the library
--   refuses number-like text such as "12": set the number), a number sets a number. An
--   integral number is stored as an integer; any other is stored as its 15-significant-digit
--   decimal text (so 96171.6 is stored as 96171.6). report:set_decimal stores exact text.
--
-- Errors
--   Expected failures return nil, message, code, so assert(govinfo.load(path)) reads well:
--     message  one line as the CLI prints it: "file:line:column: error: <English message>",
--              the location as far as the library knows it, ending with
--              " (at <JSON Pointer>)" when it names a value
--     code     the status name as a string: "GOVINFO_EIO", "GOVINFO_EPARSE",
--              "GOVINFO_ESCHEMA", "GOVINFO_ENOTFOUND", "GOVINFO_ETYPE", "GOVINFO_ERANGE",
--              "GOVINFO_EINVAL" or "GOVINFO_ENOMEM" (see include/govinfo/common.h)
--   An unknown cell id is such a failure (nil, message, "GOVINFO_ENOTFOUND"); an absent cell
--   is a plain nil.
--   Misuse raises an error: arguments of the wrong type, an unknown option or metadata
--   name, and any method called on a closed report.
--
-- Diagnostics are plain tables
--   rule        stable rule id, e.g. "table3.balance"
--   severity    "error", "warning" or "note"
--   message     Chinese;  message_en  English
--   paths       array of JSON Pointers of the cells or fields involved; the first locates it
--   expected, actual  exact decimal text of the two sides of a failed identity, else nil
--   file, line, column  where the first path was read from; nil when unknown
--   text, text_en  the finding as one line, as govinfo validate prints it (Chinese, English):
--               "file:line:column: severity: message [rule]"
--   fingerprint 16 hex digits naming the finding in suppression files (govinfo validate
--               --suppress): unchanged when lines move, changed when the values change
--
-- Threads: a report must be used by one Lua state (one OS thread) at a time.

local core = require "govinfo.core"

return {
  load = core.load,
  loads = core.loads,
  template = core.template,
  import_text = core.import_text,
  import_file = core.import_file,
  new = core.new,
  compare = core.compare,
  pair = core.pair,
  sum = core.sum,
  sum_against = core.sum_against,
  formats = core.formats,
  rules = core.rules,
  cells = core.cells,
  BLANK = core.BLANK,
  version = core.version,
}
