/* libgovinfo: 政府信息公开工作年度报告 — data model, validation and serialization.
 * Include this one header. See docs/api-stability.md for what is promised. */
#ifndef GOVINFO_H
#define GOVINFO_H

#include <govinfo/version.h>
#include "common.h"
#include "format.h"
#include "report.h"
#include "validate.h"
#include "io.h"
#include "import.h"
#include "analysis.h" /* EXPERIMENTAL */
#include "batch.h"
#include "export.h"
#include "suppress.h"
#include "render.h"

#endif
