/* The Chinese of the library's error messages: a catalog keyed by the English format string
 * given to gi_fail* (and to the readers' printf-like wrappers), with the same conversion
 * specifications in the same order (tests/lint/test_messages_zh.py checks every call in
 * lib/ against it). A message is translated by matching its English text against the
 * catalog, so texts composed by wrappers ("malformed JSON: %s" around a detail) are
 * translated piece by piece. */
#include <stdbool.h>
#include <string.h>

#include "util/error.h"
#include "util/text.h"

typedef struct zh_entry {
  const char *en;
  const char *zh;
} zh_entry;

static const zh_entry catalog[] = {
    /* the descriptions of the status codes (govinfo_strerror) */
    {"out of memory", "内存不足"},
    {"success", "成功"},
    {"invalid argument", "无效参数"},
    {"input/output error", "输入/输出错误"},
    {"malformed document", "文档格式错误"},
    {"document does not have the shape of a report", "文档不具备报告的结构"},
    {"no such format, table, row, column, section or rule",
     "没有这样的格式、表格、行、列、部分或规则"},
    {"wrong kind of value", "值的类型不对"},
    {"number out of range", "数字超出范围"},

    /* arguments and general */
    {"NULL argument", "参数为 NULL"},
    {"NULL argument or empty path", "参数为 NULL 或路径为空"},
    {"output pointer is NULL", "输出指针为 NULL"},
    {"options pointer is NULL", "选项指针为 NULL"},
    {"report is NULL", "报告为 NULL"},
    {"buffer is NULL", "缓冲区为 NULL"},
    {"data is NULL", "数据为 NULL"},
    {"path is NULL", "路径为 NULL"},
    {"path is NULL or empty", "路径为 NULL 或为空"},
    {"mark is NULL", "标记为 NULL"},
    {"number text is NULL", "数字文本为 NULL"},
    {"cell id is NULL", "单元格编号为 NULL"},
    {"rule id is NULL", "规则编号为 NULL"},
    {"format id is NULL", "格式编号为 NULL"},
    {"exporter is NULL", "导出器为 NULL"},
    {"inputs is NULL", "输入列表为 NULL"},
    {"input %zu is NULL", "第 %zu 个输入为 NULL"},
    {"unknown flags 0x%x", "未知的标志 0x%x"},
    {"unknown syntax %d", "未知的语法 %d"},
    {"unknown batch action %d", "未知的批处理动作 %d"},
    {"unknown batch flags 0x%x", "未知的批处理标志 0x%x"},
    {"unknown export flags 0x%x", "未知的导出标志 0x%x"},
    {"unknown export format %d", "未知的导出格式 %d"},
    {"unknown input kind %d", "未知的输入类型 %d"},
    {"unknown version %u of govinfo_batch_options", "govinfo_batch_options 的版本 %u 未知"},
    {"unknown version %u of govinfo_export_options", "govinfo_export_options 的版本 %u 未知"},
    {"unknown version %u of govinfo_import_options", "govinfo_import_options 的版本 %u 未知"},
    {"unknown version %u of govinfo_validate_options", "govinfo_validate_options 的版本 %u 未知"},
    {"%s did not fail", "%s 并未失败"},
    {"%s has no report (failed, or already taken)", "%s 没有报告（失败了，或已被取走）"},
    {"at most %d jobs", "最多 %d 个线程"},
    {"cannot start a worker thread", "无法启动工作线程"},
    {"buffer must hold GOVINFO_NUMBER_BUFSIZE bytes",
     "缓冲区须能容纳 GOVINFO_NUMBER_BUFSIZE 个字节"},

    /* the data model */
    {"year %d is not 1..9999", "年份 %d 不在 1..9999 之内"},
    {"no format version applies to report year %d", "没有适用于报告年度 %d 的格式版本"},
    {"format version %s does not apply to report year %d: use %s",
     "格式版本 %s 不适用于 %d 年度的报告：请用 %s"},
    {"format version %s does not apply to report year %d", "格式版本 %s 不适用于 %d 年度的报告"},
    {"unknown format version \"%s\" (known: %s)", "未知的格式版本“%s”（已知：%s）"},
    {"unknown format version \"%.*s\" (known: %s)", "未知的格式版本“%.*s”（已知：%s）"},
    {"unknown table id \"%s\"", "未知的表格编号“%s”"},
    {"unknown row id \"%s\"", "未知的行编号“%s”"},
    {"unknown column id \"%s\"", "未知的列编号“%s”"},
    {"unknown section id \"%s\"", "未知的部分编号“%s”"},
    {"unknown rule id \"%s\" (did you mean \"%.*s\"?)", "未知的规则编号“%s”（是否想用“%.*s”？）"},
    {"unknown rule id \"%s\" (govinfo rules lists them)",
     "未知的规则编号“%s”（govinfo rules 列出全部规则）"},
    {"%s (did you mean \"%s\"?)", "%s（是否想用“%s”？）"},
    {"format %s has no table \"%.*s\"", "格式 %s 没有表格“%.*s”"},
    {"format %s has no section \"%s\" (s1..s%zu)", "格式 %s 没有部分“%s”（s1..s%zu）"},
    {"format %s has no section \"%.*s\" (s1 to s%zu)", "格式 %s 没有部分“%.*s”（s1 至 s%zu）"},
    {"table %s of format %s has no row \"%.*s\"", "表格 %s（格式 %s）没有行“%.*s”"},
    {"table %s of format %s has no column \"%s\"", "表格 %s（格式 %s）没有列“%s”"},
    {"row %s.%s is a heading and holds no figures", "行 %s.%s 是标题行，没有数字"},
    {"the report has no section %s", "报告没有部分 %s"},
    {"\"%s\" is not a cell id of the form <table>.<row>.<column>",
     "“%s”不是 <表格>.<行>.<列> 形式的单元格编号"},
    {"\"%s\" is not a decimal number", "“%s”不是十进制数"},
    {"%s is too large (beyond 2^53) or has more than %d decimal places",
     "%s 太大（超过 2^53）或小数位多于 %d 位"},
    {"%lld is beyond +-2^53", "%lld 超出 ±2^53"},
    {"cell %s is %s, not a number", "单元格 %s 是%s，不是数字"},
    {"cell %s is %s, not a mark", "单元格 %s 是%s，不是标记"},
    {"cell %s holds the decimal %s, not an integer", "单元格 %s 是小数 %s，不是整数"},
    {"a mark is non-empty text that is not a number, not \"%s\"",
     "标记是非空、且不是数字的文字，不能是“%s”"},
    {"%s must be %s, not \"%s\"", "%s 须为%s，不能是“%s”"},
    {"%s is not valid UTF-8", "%s 不是有效的 UTF-8"},
    {"%s holds the control character U+%04X at byte %zu: text may hold line breaks and tabs, "
     "but no other control character",
     "%s 含控制字符 U+%04X（第 %zu 字节）：文字可含换行和制表符，不能含其他控制字符"},
    {"%s holds the control character U+%04X at byte %zu: one-line text may hold tabs, but no "
     "line break or other control character",
     "%s 含控制字符 U+%04X（第 %zu 字节）：单行文字可含制表符，不能含换行或其他控制字符"},

    /* reading documents */
    {"the document is empty: a report needs at least \"format\"", "文档为空：报告至少需要“format”"},
    {"the report has no \"format\" key (one of %s)", "报告没有“format”键（可为 %s 之一）"},
    {"format must be a version id such as \"2021\", not %s",
     "format 须为“2021”这样的版本编号，不能是%s"},
    {"format contains a NUL character", "format 中有 NUL 字符"},
    {"a report is a mapping of keys, not %s", "报告须是键的映射，不能是%s"},
    {"%s must be text, not %s", "%s 须为文字，不能是%s"},
    {"%s contains a NUL character", "%s 中有 NUL 字符"},
    {"%s must be a mapping, not %s", "%s 须为映射，不能是%s"},
    {"%s \"%.*s\" in %s (did you mean \"%s\"?)", "%s“%.*s”（在%s中；是否想用“%s”？）"},
    {"%s \"%.*s\" in %s (expected one of: %s)", "%s“%.*s”（在%s中；应为以下之一：%s）"},
    {"duplicate key \"%.*s\" in %s (first on line %u)",
     "重复的键“%.*s”（在%s中；第一次在第 %u 行）"},
    {"a key must be text, not %s", "键须为文字，不能是%s"},
    {"a key contains a NUL character", "键中有 NUL 字符"},
    {"a cell holds a number, null (blank) or a mark such as \"/\", not %s",
     "单元格中应为数字、null（空白）或“/”这样的标记，不能是%s"},
    {"\"%.*s\" is a number written as text: write it without quotes",
     "“%.*s”是写成文字的数字：去掉引号"},
    {"\"%.*s\" is not a plain decimal number (no exponents, no separators)%s",
     "“%.*s”不是普通的十进制数（不用指数，不用分隔符）%s"},
    {"number %.*s is out of range: at most 2^53 and %d decimal places",
     "数字 %.*s 超出范围：至多 2^53，小数至多 %d 位"},
    {"an empty string is not a mark: write null for a blank cell",
     "空字符串不是标记：空白单元格请写 null"},
    {"a section id is text such as \"s1\", not %s", "部分编号是“s1”这样的文字，不能是%s"},
    {"a section needs an id (s1 to s6)", "部分需要编号（s1 至 s6）"},
    {"a section needs its text (\"\" when it has none)", "部分需要正文（没有时写 \"\"）"},
    {"section %s appears twice", "部分 %s 出现了两次"},
    {"sections must be a list, not %s", "sections 须为列表，不能是%s"},
    {"year must be a whole number from 1 to 9999, not %s", "year 须为 1 至 9999 的整数，不能是%s"},
    {"unknown key", "未知的键"},
    {"duplicate key", "重复的键"},
    {"a mapping", "映射"},
    {"a list", "列表"},
    {"the end of a mapping or list", "映射或列表的结尾"},
    {"null", "null"},
    {"a boolean", "布尔值"},
    {"a number", "数字"},
    {"text", "文字"},
    {"a mark", "标记"},
    {"absent", "缺失"},
    {"blank", "空白"},
    {"a section", "部分"},
    {"a section title", "部分标题"},
    {"a section text", "部分正文"},
    {"the report", "报告"},
    {"row %s.%s", "行 %s.%s"},
    {"table %s of format %s", "表格 %s（格式 %s）"},
    {"the tables of format %s", "格式 %s 的表格"},
    {"a date written YYYY-MM-DD", "YYYY-MM-DD 形式的日期"},
    {"6, 9 or 12 digits", "6、9 或 12 位数字"},
    {"64 lowercase hexadecimal digits (a SHA-256)", "64 位小写十六进制数字（SHA-256）"},
    {"a YAML file holds one report, but a second document starts here",
     "一个 YAML 文件只放一份报告，但这里开始了第二个文档"},
    {"anchors and aliases are not supported (anchor &%s)", "不支持锚点和别名（锚点 &%s）"},
    {"anchors and aliases are not supported (alias *%s)", "不支持锚点和别名（别名 *%s）"},
    {"nested deeper than %d levels", "嵌套超过 %d 层"},

    /* JSON syntax */
    {"malformed JSON: %s", "JSON 格式错误：%s"},
    {"unexpected %s (expected %s)", "意外的%s（应为%s）"},
    {"unexpected end of input in a string", "字符串中输入意外结束"},
    {"invalid escape '\\%c' in a string", "字符串中有无效的转义“\\%c”"},
    {"\\u must be followed by four hexadecimal digits", "\\u 后须跟四个十六进制数字"},
    {"\\u0000 (NUL) cannot be part of a report's text", "\\u0000（NUL）不能出现在报告文字中"},
    {"\\u%04lX is the second half of a surrogate pair, without the first",
     "\\u%04lX 是代理对的后半，缺少前半"},
    {"\\u%04lX is the first half of a surrogate pair, without the second",
     "\\u%04lX 是代理对的前半，缺少后半"},
    {"NUL byte in a string", "字符串中有 NUL 字节"},
    {"string never closed (a '\"' is missing)", "字符串没有结束（缺少“\"”）"},
    {"a '-' must be followed by a digit", "“-”后须跟数字"},
    {"a number does not start with 0 followed by digits", "数字不能以 0 开头后跟数字"},
    {"a digit must follow the decimal point", "小数点后须有数字"},
    {"the exponent of a number has no digits", "数字的指数没有数字"},
    {"end of input", "输入结束"},
    {"NUL byte", "NUL 字节"},
    {"character '%s'", "字符“%s”"},
    {"byte 0x%02X", "字节 0x%02X"},
    {"control character 0x%02X", "控制字符 0x%02X"},
    {"a value", "值"},
    {"a key in double quotes", "双引号中的键"},
    {"':' after the key", "键后的“:”"},
    {"nothing after the document", "文档之后不应有内容"},

    /* YAML syntax (libyaml's problems and contexts) */
    {"malformed YAML: %s", "YAML 格式错误：%s"},
    {"malformed YAML: %s (0x%X)", "YAML 格式错误：%s（0x%X）"},
    {"malformed YAML: %s (%s at line %zu)", "YAML 格式错误：%s（%s，始于第 %zu 行）"},
    {"mapping values are not allowed in this context (text holding \": \" must be quoted, or "
     "written in the block form: | and the text indented on the lines below)",
     "此处不允许映射值（文字中有“: ”时，请用引号括起，或用块形式 |，把文字缩进写在下面几行）"},
    {"did not find expected key", "没有找到应有的键（检查缩进）"},
    {"did not find expected '-' indicator", "没有找到应有的“-”（检查缩进）"},
    {"did not find expected node content", "没有找到应有的内容"},
    {"did not find expected ',' or ']'", "没有找到应有的“,”或“]”"},
    {"did not find expected ',' or '}'", "没有找到应有的“,”或“}”"},
    {"could not find expected ':'", "没有找到应有的“:”"},
    {"found character that cannot start any token", "遇到不能开始任何记号的字符"},
    {"found unexpected end of stream", "输入意外结束"},
    {"found unexpected ':'", "遇到意外的“:”"},
    {"found unknown escape character", "遇到未知的转义字符"},
    {"found undefined tag handle", "遇到未定义的标签句柄"},
    {"found a tab character that violates indentation", "制表符破坏了缩进（缩进请用空格）"},
    {"found a tab character where an indentation space is expected",
     "应为缩进空格的地方是制表符（缩进请用空格）"},
    {"block sequence entries are not allowed in this context", "此处不允许块序列项"},
    {"invalid leading UTF-8 octet", "无效的 UTF-8 首字节"},
    {"invalid trailing UTF-8 octet", "无效的 UTF-8 后续字节"},
    {"incomplete UTF-8 octet sequence", "不完整的 UTF-8 字节序列"},
    {"invalid Unicode character", "无效的 Unicode 字符"},
    {"control characters are not allowed", "不允许控制字符"},
    {"while parsing a block mapping", "解析块映射时"},
    {"while parsing a block collection", "解析块序列时"},
    {"while parsing a flow mapping", "解析流映射时"},
    {"while parsing a flow sequence", "解析流序列时"},
    {"while parsing a block node", "解析块节点时"},
    {"while parsing a flow node", "解析流节点时"},
    {"while parsing a quoted scalar", "解析引号文字时"},
    {"while scanning a simple key", "扫描简单键时"},
    {"while scanning a quoted scalar", "扫描引号文字时"},
    {"while scanning a plain scalar", "扫描普通文字时"},
    {"while scanning a block scalar", "扫描块文字时"},
    {"while scanning for the next token", "扫描下一个记号时"},
    {"unknown error", "未知错误"},

    /* files */
    {"cannot open %s", "无法打开 %s"},
    {"cannot open %s for writing", "无法打开 %s 以写入"},
    {"cannot read %s", "无法读取 %s"},
    {"cannot read standard input", "无法读取标准输入"},
    {"cannot read the directory %s", "无法读取目录 %s"},
    {"cannot write %s", "无法写入 %s"},
    {"cannot flush %s", "无法刷新 %s"},
    {"cannot flush %s to disk", "无法把 %s 写到磁盘"},
    {"cannot replace %s", "无法替换 %s"},
    {"cannot read back %s", "无法读回 %s"},
    {"cannot follow the link %s", "无法跟随链接 %s"},
    {"cannot set the permissions of %s", "无法设置 %s 的权限"},
    {"cannot create a temporary file beside %s", "无法在 %s 旁创建临时文件"},
    {"directories nested deeper than %d levels", "目录嵌套超过 %d 层"},
    {"standard input (-) is given twice", "标准输入（-）给了两次"},
    {"cannot tell JSON from YAML by the name %s: use .json, .yaml or .yml",
     "无法从文件名 %s 看出是 JSON 还是 YAML：请用 .json、.yaml 或 .yml"},
    {"serializing needs a syntax: JSON or YAML", "序列化需要指定语法：JSON 或 YAML"},
    {"cannot write YAML: %s is not valid UTF-8 (byte %zu)",
     "无法写出 YAML：%s 不是有效的 UTF-8（字节 %zu）"},
    {"No such file or directory", "没有那个文件或目录"},
    {"Permission denied", "权限不够"},
    {"Is a directory", "是一个目录"},
    {"Not a directory", "不是目录"},
    {"No space left on device", "设备上没有空间"},
    {"File too large", "文件过大"},
    {"Read-only file system", "只读文件系统"},
    {"File exists", "文件已存在"},
    {"Too many levels of symbolic links", "符号链接层数过多"},
    {"Input/output error", "输入/输出错误"},
    {"Cannot allocate memory", "无法分配内存"},

    /* import */
    {"a PDF must be given as a file, not on standard input",
     "PDF 须以文件给出，不能从标准输入读入"},
    {"cannot make a pipe for pdftotext", "无法为 pdftotext 建立管道"},
    {"cannot run pdftotext", "无法运行 pdftotext"},
    {"pdftotext could not read the PDF (exit status %d)",
     "pdftotext 无法读取该 PDF（退出状态 %d）"},
    {"pdftotext was not found: install poppler-utils (apt-get install poppler-utils) to import PDFs",
     "找不到 pdftotext：要导入 PDF，请安装 poppler-utils（apt-get install poppler-utils）"},
    {"the PDF has no text layer: it is a scanned image, and its text must be recognised (OCR) "
     "first, e.g. ocrmypdf -l chi_sim %s OCRED.pdf (Debian packages ocrmypdf and "
     "tesseract-ocr-chi-sim), then import OCRED.pdf",
     "该 PDF 没有文字层：它是扫描图像，须先做文字识别（OCR），例如 ocrmypdf -l chi_sim %s "
     "OCRED.pdf（Debian 软件包 ocrmypdf 和 tesseract-ocr-chi-sim），再导入 OCRED.pdf"},
    {"%s, not text: import reads PDF, Word (.docx), Excel (.xlsx), HTML, Markdown, tab-separated "
     "and plain text",
     "%s，不是文字：import 读取 PDF、Word（.docx）、Excel（.xlsx）、HTML、Markdown、制表符分隔文本和纯文本"},
    {"%s: HTML import is not available: libgovinfo was built without libxml2 (Debian package "
     "libxml2-dev)",
     "%s：不能导入 HTML：libgovinfo 构建时没有 libxml2（Debian 软件包 libxml2-dev）"},
    {"%s: Word and Excel import is not available: libgovinfo was built without libzip (Debian "
     "package libzip-dev)",
     "%s：不能导入 Word 和 Excel：libgovinfo 构建时没有 libzip（Debian 软件包 libzip-dev）"},
    {"a legacy Word (.doc) or Excel (.xls) file, which import cannot read: convert it first, e.g. "
     "soffice --headless --convert-to docx FILE (or --convert-to xlsx), and import the result",
     "旧式 Word（.doc）或 Excel（.xls）文件，import 无法读取：请先转换，例如 soffice --headless "
     "--convert-to docx FILE（或 --convert-to xlsx），再导入转换结果"},
    {"a zip archive (a Word or Excel file?): libgovinfo was built without libzip (Debian package "
     "libzip-dev), so it cannot read it",
     "zip 压缩文件（Word 或 Excel 文件？）：libgovinfo 构建时没有 libzip（Debian 软件包 "
     "libzip-dev），无法读取"},
    {"a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) file: import reads PDF, "
     "Word, Excel, HTML, Markdown, tab-separated and plain text",
     "既不是 Word（.docx）也不是 Excel（.xlsx）的 zip 压缩文件：import 读取 PDF、Word、Excel、HTML、"
     "Markdown、制表符分隔文本和纯文本"},
    {"a zip archive without word/document.xml is no Word document (.docx)",
     "没有 word/document.xml 的 zip 压缩文件不是 Word 文档（.docx）"},
    {"a zip archive without xl/workbook.xml is no Excel workbook (.xlsx)",
     "没有 xl/workbook.xml 的 zip 压缩文件不是 Excel 工作簿（.xlsx）"},
    {"not a readable zip archive (%s)", "不是可读的 zip 压缩文件（%s）"},
    {"the zip archive has no part %s", "zip 压缩文件中没有部件 %s"},
    {"the zip archive has %lld entries, more than the %d a Word or Excel file needs: refused",
     "zip 压缩文件有 %lld 项，多于 Word 或 Excel 文件所需的 %d 项：拒绝读取"},
    {"part %s is too large", "部件 %s 太大"},
    {"part %s of the zip archive %s: refused (a damaged file or a zip bomb)",
     "zip 压缩文件的部件 %s %s：拒绝读取（文件损坏或是 zip 炸弹）"},
    {"is larger than 64 MiB uncompressed", "解压后大于 64 MiB"},
    {"is compressed more than 400 times", "压缩比超过 400 倍"},
    {"would take more than 256 MiB uncompressed in all", "全部解压后将超过 256 MiB"},
    {"cannot be opened", "无法打开"},
    {"does not hold the size its entry declares", "与其目录项声明的大小不符"},
    {"part %s is not well-formed XML%s%.*s", "部件 %s 不是格式正确的 XML%s%.*s"},
    {"no sheet %zu", "没有第 %zu 个工作表"},
    {"sheet %s: \"%s\" is no cell reference", "工作表 %s：“%s”不是单元格引用"},
    {"cannot read the HTML page: %.*s", "无法读取该 HTML 网页：%.*s"},
    {"the HTML page declares charset \"%s\", which cannot be read here",
     "该 HTML 网页声明的字符集是“%s”，这里无法读取"},
    {"the HTML page is not UTF-8 and declares no other charset",
     "该 HTML 网页不是 UTF-8，也没有声明其他字符集"},
    {"the HTML page is too large (%zu bytes)", "该 HTML 网页太大（%zu 字节）"},
    {"the text is not valid UTF-8 (convert it first, e.g. iconv -f GB18030 -t UTF-8)",
     "文字不是有效的 UTF-8（请先转换，例如 iconv -f GB18030 -t UTF-8）"},
    {"this is a report document (%s), not a published report: check it with govinfo validate",
     "这是报告数据文件（%s），不是公开发布的报告：请用 govinfo validate 检查"},
    {"not recognisably a 政府信息公开工作年度报告: no section headings and no report year were "
     "found",
     "看不出是政府信息公开工作年度报告：没有找到部分标题，也没有找到报告年度"},
    {"not recognisably a 政府信息公开工作年度报告: no format version's table headings and no "
     "report year were found",
     "看不出是政府信息公开工作年度报告：没有找到任何格式版本的表格标题，也没有找到报告年度"},
    {"a split of %zu cells in rows of %zu is not searched",
     "不搜索把 %zu 个单元格拆分到 %zu 个一行的方案"},

    /* export */
    {"cannot tell the export format by the name %s: use .csv, .db (SQLite) or .jsonl, or say "
     "which",
     "无法从文件名 %s 看出导出格式：请用 .csv、.db（SQLite）或 .jsonl，或指明格式"},
    {"SQLite export is not available", "不能导出到 SQLite"},
    {"%s: SQLite export is not available: libgovinfo was built without libsqlite3 (Debian "
     "package libsqlite3-dev)",
     "%s：不能导出到 SQLite：libgovinfo 构建时没有 libsqlite3（Debian 软件包 libsqlite3-dev）"},
    {"a SQLite database cannot be written to standard output", "SQLite 数据库不能写到标准输出"},
    {"%s: a database of schema version %d, not %d (libgovinfo's)",
     "%s：数据库的模式版本是 %d，不是 %d（libgovinfo 的版本）"},
    {"the export is committed already", "导出已经提交"},
    {"too many format versions for a wide export", "宽表导出的格式版本太多"},

    /* generic compositions, matched last (they have the fewest fixed characters) */
    {"%s: %s", "%s：%s"},
    {"%s: %s: %s", "%s：%s：%s"},

    /* across reports (lib/analysis) */
    {"%s report has no year", "%s报告没有年度"},
    {"cannot %s %s: it has no year", "无法执行 %s：%s 没有年度"},
    {"cannot %s reports of different format versions: %s is format %s, %s is format %s",
     "无法对不同格式版本的报告执行 %s：%s 为 %s 格式，%s 为 %s 格式"},
    {"cannot %s reports of different years: %s is for %d, %s is for %d",
     "无法对不同年度的报告执行 %s：%s 为 %d 年度，%s 为 %d 年度"},
    {"a sum is beyond 2^53, the largest figure a report holds",
     "合计超过 2^53，即报告所能容纳的最大数字"},
    {"a text of %zu characters is too long", "%zu 个字符的文本过长"},
    {"jump_factor %u is under 2", "jump_factor %u 小于 2"},
    {"no pair %zu (there are %zu)", "没有第 %zu 对（共 %zu 对）"},
    {"nothing to sum: no reports given", "没有可汇总的报告"},
    {"part %zu is NULL", "第 %zu 个部分为 NULL"},
    {"parts is NULL", "parts 为 NULL"},
    {"report %zu is NULL", "第 %zu 个报告为 NULL"},
    {"reports is NULL", "reports 为 NULL"},
    {"reuse_min_run must be at least 1", "reuse_min_run 至少为 1"},
    {"reuse_percent %u is over 100", "reuse_percent %u 超过 100"},
    {"the organ is not valid UTF-8", "发布机关不是有效的 UTF-8"},
    {"the reports are for %d and %d: the current report must be for the year after last year's",
     "两份报告分别为 %d 和 %d 年度：本年报告应为上年报告的下一年度"},
    {"too many reports", "报告过多"},
    {"unknown version %u of govinfo_compare_options", "govinfo_compare_options 的版本 %u 未知"},
    {"unknown version %u of govinfo_pairing_options", "govinfo_pairing_options 的版本 %u 未知"},
    {"unknown version %u of govinfo_sum_options", "govinfo_sum_options 的版本 %u 未知"},

    /* hostile input: limits, encodings, typing mistakes */
    {"\"%.*s\" is a number written with a separator: do not write separators in numbers "
     "(数字中不要使用逗号), e.g. 1234",
     "“%.*s”是带分隔符的数字：数字中不要使用逗号，应写作 1234 这样"},
    {"\"%.*s\" is not a plain decimal number", "“%.*s”不是普通的十进制数"},
    {"larger than the input size limit of %zu bytes (%zu MiB); importing and batches raise it "
     "with the option max_input_bytes",
     "超过输入大小上限 %zu 字节（%zu MiB）；导入和批处理可用选项 max_input_bytes 提高上限"},
    {"malformed YAML: nested deeper than %d levels", "YAML 格式错误：嵌套超过 %d 层"},
    {"the HTML page is nested deeper than libxml2's limit of 256 elements, so its reading was "
     "cut short there: the rest of the page is missing",
     "网页的嵌套超过 libxml2 的 256 层上限，读取在此中断：网页其余部分缺失"},
    {"the file is saved as GBK (GB18030), not UTF-8: convert it first, e.g. iconv -f GB18030 -t "
     "UTF-8 %s > converted.txt",
     "文件以 GBK（GB18030）编码保存，不是 UTF-8：请先转换，例如 iconv -f GB18030 -t UTF-8 %s > "
     "converted.txt"},
    {"the text holds too many lines or words for its size (%zu lines, %zu words): the importer "
     "keeps within 4 times its input, and no report needs more",
     "文本相对其大小含有过多的行或词（%zu 行，%zu 个词）：导入器的内存不超过输入的 4 倍，任何报告都用不到更多"},

    /* suppression files (lib/review) */
    {"\"%s\" is given twice", "“%s”出现了两次"},
    {"\"%s\" is not a fingerprint (16 lowercase hex digits, as govinfo validate --json gives "
     "them)",
     "“%s”不是指纹（应为 16 位小写十六进制数字，即 govinfo validate --json 给出的那样）"},
    {"\"suppressions\" holds a list of suppressions", "“suppressions”应为抑制条目的列表"},
    {"a key of a suppression is text", "抑制条目的键应为文本"},
    {"a suppression file holds one YAML document", "抑制文件只能包含一个 YAML 文档"},
    {"a suppression file is a mapping with the key \"suppressions\"",
     "抑制文件应为带有键“suppressions”的映射"},
    {"a suppression is a mapping with fingerprint and reason",
     "抑制条目应为含有 fingerprint 和 reason 的映射"},
    {"a suppression needs a fingerprint", "抑制条目需要指纹（fingerprint）"},
    {"aliases are not allowed in a suppression file", "抑制文件中不允许使用别名"},
    {"the value of \"%s\" is text, not a %s", "“%s”的值应为文本，而不是 %s"},
    {"unknown key \"%s\" (a suppression has fingerprint, reason, who, when, rule and file)",
     "未知的键“%s”（抑制条目的键为 fingerprint、reason、who、when、rule 和 file）"},
    {"\"suppressions\" is given twice", "“suppressions”出现了两次"},
    {"unknown key: a suppression file has only \"suppressions\"",
     "未知的键：抑制文件只有“suppressions”一个键"},

    /* rendering (lib/render) */
    {"an XLSX workbook is a file: use govinfo_report_render_file",
     "XLSX 工作簿是文件：请使用 govinfo_report_render_file"},
    {"cannot write %s: %s", "无法写入 %s：%s"},
    {"cannot write %s: libgovinfo was built without XLSX output (libxlsxwriter)",
     "无法写入 %s：libgovinfo 构建时未包含 XLSX 输出（libxlsxwriter）"},
    {"unknown render format %d", "未知的呈现格式 %d"},
    {"unknown version %u of govinfo_render_options", "govinfo_render_options 的版本 %u 未知"},
};

/* ---- matching an English message against a format ---- */

enum { MAX_CAPTURES = 8, MAX_DEPTH = 3, MAX_STEPS = 20000 };

typedef enum conv_class { CONV_TEXT, CONV_INT, CONV_HEX, CONV_CHAR } conv_class;

typedef struct capture {
  const char *start;
  size_t len;
  conv_class cls;
  bool verbatim;
} capture;

/* Parses the conversion at fmt[0] == '%' (not "%%"): its class and length in the format. */
static size_t parse_conversion(const char *fmt, conv_class *cls) {
  size_t i = 1;
  while (strchr("-+ #0", fmt[i]) && fmt[i]) i++;
  while (fmt[i] >= '0' && fmt[i] <= '9') i++;
  if (fmt[i] == '.') {
    i++;
    if (fmt[i] == '*') {
      i++;
    }
    while (fmt[i] >= '0' && fmt[i] <= '9') i++;
  }
  while (fmt[i] && strchr("hlzjt", fmt[i])) i++;
  char c = fmt[i];
  *cls = c == 's' ? CONV_TEXT : c == 'x' || c == 'X' ? CONV_HEX : c == 'c' ? CONV_CHAR : CONV_INT;
  return c ? i + 1 : i;
}

static bool in_class(conv_class cls, char c, size_t pos) {
  switch (cls) {
  case CONV_INT:
    return (c >= '0' && c <= '9') || (c == '-' && pos == 0);
  case CONV_HEX:
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  default:
    return true;
  }
}

typedef struct matcher {
  capture caps[MAX_CAPTURES];
  size_t ncaps;
  long steps;
} matcher;

static bool match(matcher *m, const char *fmt, const char *msg, size_t ncap) {
  if (--m->steps < 0) return false;
  char before = '\0';
  for (;;) {
    if (*fmt == '\0') {
      m->ncaps = ncap;
      return *msg == '\0';
    }
    if (*fmt == '%' && fmt[1] != '%') break;
    if (*fmt == '%') fmt++; /* "%%" */
    if (*fmt != *msg) return false;
    before = *fmt;
    fmt++;
    msg++;
  }
  if (ncap == MAX_CAPTURES) return false;
  conv_class cls;
  const char *rest = fmt + parse_conversion(fmt, &cls);
  /* a quoted value (a key, an id the user wrote) is shown as written */
  bool verbatim = before == '"' || before == '\'';
  size_t min = cls == CONV_TEXT ? 0 : 1, max = cls == CONV_CHAR ? 1 : strlen(msg);
  for (size_t len = min; len <= max; len++) {
    if (len > 0 && !in_class(cls, msg[len - 1], len - 1)) break;
    m->caps[ncap] = (capture){msg, len, cls, verbatim};
    if (match(m, rest, msg + len, ncap + 1)) return true;
    if (m->steps < 0) return false;
  }
  return false;
}

/* ---- writing the Chinese ---- */

typedef struct out_buf {
  char *p;
  size_t cap, len;
} out_buf;

static void put(out_buf *o, const char *s, size_t n) {
  if (o->cap == 0) return;
  size_t room = o->cap - 1 - o->len;
  if (n > room) n = room;
  memcpy(o->p + o->len, s, n);
  o->len += n;
  o->p[o->len] = '\0';
}

static void translate(out_buf *o, const char *msg, size_t len, int depth);

/* Writes zh with the captured pieces in place of its conversions (pieces of text translated
 * in turn). */
static void render(out_buf *o, const char *zh, const matcher *m, int depth) {
  size_t next = 0;
  for (const char *p = zh; *p;) {
    if (*p != '%') {
      const char *q = strchr(p, '%');
      size_t n = q ? (size_t)(q - p) : strlen(p);
      put(o, p, n);
      p += n;
      continue;
    }
    if (p[1] == '%') {
      put(o, "%", 1);
      p += 2;
      continue;
    }
    conv_class cls;
    p += parse_conversion(p, &cls);
    if (next >= m->ncaps) continue;
    const capture *c = &m->caps[next++];
    if (c->cls == CONV_TEXT && !c->verbatim) translate(o, c->start, c->len, depth + 1);
    else put(o, c->start, c->len);
  }
}

static size_t fixed_chars(const char *fmt) {
  size_t n = 0;
  for (const char *p = fmt; *p;) {
    if (*p == '%' && p[1] != '%') {
      conv_class cls;
      p += parse_conversion(p, &cls);
    } else {
      p += *p == '%' ? 2 : 1;
      n++;
    }
  }
  return n;
}

/* The catalog entry that matches msg with the most fixed characters. */
static const zh_entry *best_match(const char *msg, matcher *best) {
  const zh_entry *found = NULL;
  size_t found_fixed = 0;
  for (size_t i = 0; i < GI_COUNT_OF(catalog); i++) {
    size_t fixed = fixed_chars(catalog[i].en);
    if (fixed == 0 || (found && fixed <= found_fixed)) continue;
    matcher m = {.steps = MAX_STEPS};
    if (!match(&m, catalog[i].en, msg, 0)) continue;
    found = &catalog[i];
    found_fixed = fixed;
    *best = m;
  }
  return found;
}

static void translate(out_buf *o, const char *msg, size_t len, int depth) {
  char text[1024];
  if (len >= sizeof text || depth > MAX_DEPTH) {
    put(o, msg, len);
    return;
  }
  memcpy(text, msg, len);
  text[len] = '\0';
  matcher m;
  const zh_entry *e = best_match(text, &m);
  if (e == NULL) {
    put(o, msg, len);
    return;
  }
  /* the captures point into text, which lives until render returns */
  render(o, e->zh, &m, depth);
}

static const zh_entry *find_format(const char *fmt) {
  for (size_t i = 0; i < GI_COUNT_OF(catalog); i++)
    if (strcmp(catalog[i].en, fmt) == 0) return &catalog[i];
  return NULL;
}

void gi_message_zh(char *out, size_t size, const char *fmt, const char *message) {
  out_buf o = {out, size, 0};
  if (size) out[0] = '\0';
  const zh_entry *e = fmt ? find_format(fmt) : NULL;
  matcher m = {.steps = MAX_STEPS};
  if (e && fixed_chars(e->en) > 0 && match(&m, e->en, message, 0)) render(&o, e->zh, &m, 0);
  else translate(&o, message, strlen(message), 0);
}

size_t gi_message_zh_count(void) { return GI_COUNT_OF(catalog); }

const char *gi_message_zh_lookup(const char *fmt) {
  const zh_entry *e = find_format(fmt);
  return e ? e->zh : NULL;
}
