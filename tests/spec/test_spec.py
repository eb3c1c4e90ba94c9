#!/usr/bin/python3
"""The library's format definitions agree with the specification (tests/data/spec/formats.yaml,
a copy of shared/spec/formats.yaml): the same tables, data rows, columns, labels, section
titles and variants. The definitions are read through `govinfo template`, whose YAML carries
each id with its Chinese label as a comment."""
import os
import re
import subprocess
import unittest

import yaml

ROOT = os.environ["GOVINFO_SOURCE_ROOT"]
CLI = os.environ["GOVINFO_CLI"]

with open(os.path.join(ROOT, "tests/data/spec/formats.yaml"), encoding="utf-8") as f:
    SPEC = yaml.safe_load(f)["versions"]

YEAR = {"2019": 2020, "2021": 2024}


def template(version):
    out = subprocess.run([CLI, "template", "--format", version, "--year", str(YEAR[version])],
                         check=True, capture_output=True, text=True).stdout
    labels = {}
    path = []
    for line in out.splitlines():
        m = re.match(r"^( *)([a-z0-9_]+):(?:.*#\s*(.+?))?\s*$", line)
        if not m:
            continue
        depth = len(m.group(1)) // 2
        path = path[:depth] + [m.group(2)]
        if m.group(3):
            labels[".".join(path)] = m.group(3)
    return yaml.safe_load(out), labels


def spec_cells(version):
    cells = set()
    for table in SPEC[version]["tables"]:
        for row in table["rows"]:
            if row["data"]:
                for col in table["columns"]:
                    cells.add(f'{table["id"]}.{row["id"]}.{col["id"]}')
    return cells


class SpecAgreement(unittest.TestCase):
    def test_data_cells_are_those_of_the_spec(self):
        for version in SPEC:
            with self.subTest(version=version):
                doc, _ = template(version)
                ours = {f"{t}.{r}.{c}" for t, rows in doc["tables"].items()
                        for r, cols in rows.items() for c in cols}
                self.assertEqual(ours, spec_cells(version))

    def test_row_and_column_labels_are_those_of_the_spec(self):
        table4_group_labels = {"litigation_direct", "litigation_after_review"}
        for version in SPEC:
            _, labels = template(version)
            for table in SPEC[version]["tables"]:
                for row in table["rows"]:
                    if not row["data"]:
                        continue
                    key = f'tables.{table["id"]}.{row["id"]}'
                    want = row["label"]
                    if row["id"] in table4_group_labels:
                        want = "行政诉讼（" + want + "）"  # printed under the 行政诉讼 group
                    with self.subTest(version=version, row=key):
                        self.assertEqual(labels.get(key), want)
                    for col in table["columns"]:
                        with self.subTest(version=version, column=key + "." + col["id"]):
                            self.assertEqual(labels.get(key + "." + col["id"]), col["label"])

    def test_sections_are_those_of_the_spec(self):
        for version in SPEC:
            doc, _ = template(version)
            ours = [(s["id"], s["title"]) for s in doc["sections"]]
            spec = [(s["id"], s["title"]) for s in SPEC[version]["sections"]]
            self.assertEqual(ours, spec)


if __name__ == "__main__":
    import taprunner
    taprunner.main()
