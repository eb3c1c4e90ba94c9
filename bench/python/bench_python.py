#!/usr/bin/python3
"""Python binding against pure Python: load and validate the same JSON reports.

    GOVINFO_LIBRARY=build/lib/libgovinfo.so.0 /usr/bin/python3 bench/python/bench_python.py \
        [--rounds N] [DIRECTORY]

DIRECTORY (default examples/reports) holds *.yaml reports; each is converted to JSON once
with the library, outside the timing. Then, round after round in the same run:

- binding:     govinfo.Report.loads(json_bytes).validate()
- pure Python: json.loads, a JSON Schema check of the same document with python3-jsonschema
               against schema/govinfo-report.schema.json, and the table 3 / table 4
               arithmetic in Python (balance, results total, row totals, table 4 row totals).

Each side's time is the median over the rounds of processing every report once; the last
line is the ratio. Before timing, both sides must agree on which identities fail in an
altered copy of each report, so the pure-Python side does the same work.
"""
import argparse
import copy
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))

import govinfo  # noqa: E402
import jsonschema  # noqa: E402

APPLICANTS = ["natural_person", "commercial", "research", "public_interest", "legal_service",
              "other_org"]
TABLE3_COLUMNS = APPLICANTS + ["total"]
TABLE4_PARTS = ["upheld", "corrected", "other", "pending"]
DENIED = ["denied_state_secret", "denied_law_prohibited", "denied_three_safety_one_stability",
          "denied_third_party_rights", "denied_internal_affairs", "denied_process_info",
          "denied_enforcement_file", "denied_admin_query"]
UNABLE = ["unable_not_held", "unable_need_creation", "unable_unclear_after_correction"]
NOT_PROCESSED = ["np_petition_complaint", "np_duplicate", "np_publication",
                 "np_massive_repeated", "np_confirm_or_reissue"]
# The results of table 3 (三、本年度办理结果) as (row, sub-rows): a group printed as one row
# stands for its sub-rows.
RESULTS = {
    "2019": [("granted", []), ("partially_granted", []), ("denied", DENIED),
             ("unable", UNABLE), ("not_processed", NOT_PROCESSED), ("other_processing", [])],
    "2021": [("granted", []), ("partially_granted", []), ("denied", DENIED),
             ("unable", UNABLE), ("not_processed", NOT_PROCESSED),
             ("other_processing", ["other_overdue_no_correction", "other_fee_unpaid",
                                   "other_other"])],
}


def number(rows, row, column):
    value = rows.get(row, {}).get(column)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def python_arithmetic(document):
    """The failed identities of tables 3 and 4 as (rule, row or column) pairs. An identity
    with a cell that is not a number is not checked."""
    found = []
    tables = document.get("tables", {})
    table3 = tables.get("table3", {})
    for column in TABLE3_COLUMNS:
        received = number(table3, "new_received", column)
        carried = number(table3, "carried_over", column)
        total = number(table3, "result_total", column)
        forward = number(table3, "carry_forward", column)
        if None not in (received, carried, total, forward) and \
                received + carried != total + forward:
            found.append(("table3.balance", column))
        parts = []
        for row, sub_rows in RESULTS[document["format"]]:
            if row in table3 or not sub_rows:
                parts.append(number(table3, row, column))
            else:
                parts.extend(number(table3, sub, column) for sub in sub_rows)
        if total is not None and None not in parts and sum(parts) != total:
            found.append(("table3.result_total", column))
    for row, cells in table3.items():
        parts = [number(table3, row, c) for c in APPLICANTS]
        total = number(table3, row, "total")
        if total is not None and None not in parts and sum(parts) != total:
            found.append(("table3.row_total", row))
    table4 = tables.get("table4", {})
    for row in table4:
        parts = [number(table4, row, c) for c in TABLE4_PARTS]
        total = number(table4, row, "total")
        if total is not None and None not in parts and sum(parts) != total:
            found.append(("table4.row_total", row))
    return found


class PurePython:
    def __init__(self, schema_path):
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        self.validator = jsonschema.validators.validator_for(schema)(schema)

    def __call__(self, data):
        document = json.loads(data)
        schema_errors = list(self.validator.iter_errors(document))
        return schema_errors, python_arithmetic(document)


def binding(data):
    return govinfo.Report.loads(data).validate()


ARITHMETIC_RULES = {"table3.balance", "table3.result_total", "table3.row_total",
                    "table4.row_total"}


def binding_arithmetic(result):
    return sorted(d.rule for d in result if d.rule in ARITHMETIC_RULES)


def agree(documents, pure):
    """Both sides find the same failed identities, in the reports and in altered copies."""
    for name, data in documents:
        document = json.loads(data)
        altered = copy.deepcopy(document)
        altered["tables"]["table3"]["new_received"]["natural_person"] += 1
        altered["tables"]["table4"]["review"]["upheld"] += 1
        for label, version in [(name, document), (name + " (altered)", altered)]:
            text = json.dumps(version, ensure_ascii=False).encode()
            schema_errors, found = pure(text)
            expected = binding_arithmetic(binding(text))
            if schema_errors or sorted(rule for rule, _ in found) != expected:
                sys.exit(f"{label}: pure Python found {found} (schema: {schema_errors}), "
                         f"the library {expected}")


def median_round(work, documents, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _, data in documents:
            work(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("directory", nargs="?", default=os.path.join(ROOT, "examples",
                                                                     "reports"))
    args = parser.parse_args()
    documents = []
    for name in sorted(os.listdir(args.directory)):
        if name.endswith(".yaml"):
            with govinfo.Report.load(os.path.join(args.directory, name)) as report:
                documents.append((name, report.dumps("json").encode()))
    if not documents:
        sys.exit(f"no *.yaml reports in {args.directory}")
    pure = PurePython(os.path.join(ROOT, "schema", "govinfo-report.schema.json"))
    agree(documents, pure)
    # Alternate short batches so that both sides see the same machine state.
    batches = max(1, min(10, args.rounds))
    per_batch = max(1, args.rounds // batches)
    binding_times, pure_times = [], []
    for _ in range(batches):
        binding_times.append(median_round(binding, documents, per_batch))
        pure_times.append(median_round(pure, documents, per_batch))
    c_time = statistics.median(binding_times)
    py_time = statistics.median(pure_times)
    size = sum(len(data) for _, data in documents)
    print(f"{len(documents)} reports, {size} bytes of JSON, {batches * per_batch} rounds "
          f"(median of {batches} batches)")
    print(f"binding     Report.loads(json).validate():        {c_time * 1e3:9.3f} ms/round")
    print(f"pure Python json + jsonschema + arithmetic:       {py_time * 1e3:9.3f} ms/round")
    print(f"binding is {py_time / c_time:.1f}x faster")


if __name__ == "__main__":
    main()
