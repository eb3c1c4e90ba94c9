#!/usr/bin/python3
"""govinfo.compare, govinfo.pair, govinfo.sum and govinfo.sum_against; the narrative findings
that come with Report.validate()."""
import decimal
import os
import sys
import unittest

import govinfo
from python_support import ROOT

FIXTURES = os.path.join(ROOT, "tests", "data", "fixtures")
H2023 = os.path.join(FIXTURES, "huaian-hongze-2023.yaml")
H2024 = os.path.join(FIXTURES, "huaian-hongze-2024.yaml")
CITY = os.path.join(FIXTURES, "huaian-city-2024.yaml")
SUIBIN_2020 = os.path.join(FIXTURES, "suibin-2020.yaml")
SUIBIN_2021 = os.path.join(ROOT, "tests", "data", "analysis", "suibin-2021.yaml")


class Compare(unittest.TestCase):
    def test_the_real_pair_continues_and_shares_some_text(self):
        result = govinfo.compare(govinfo.load(H2023), govinfo.load(H2024))
        self.assertEqual(len(result.findings), 0)
        self.assertTrue(result.findings.valid)
        reuse = {r.section: r for r in result.reuse}
        self.assertEqual(list(reuse), ["s1", "s2", "s3", "s4", "s5", "s6"])
        self.assertTrue(0.3 < reuse["s1"].share < 0.5)
        self.assertEqual(reuse["s2"].chars, 0)
        self.assertEqual(reuse["s2"].share, 0.0)
        self.assertEqual(reuse["s6"].reused, reuse["s6"].chars)
        data = result.to_dict()
        self.assertEqual(data["years"], [2023, 2024])
        self.assertEqual(data["reuse"][0]["reused"], reuse["s1"].reused)
        self.assertIn("s1", repr(result))

    def test_each_year_rule_both_ways(self):
        last, now = govinfo.load(H2023), govinfo.load(H2024)
        now["table3.carried_over.total"] = 4
        now["table2_art20_1.normative_docs.valid"] = 9
        now["table3.new_received.total"] = 200
        result = govinfo.compare(last, now)
        self.assertEqual([d.rule for d in result.findings],
                         ["year.carry_over", "year.documents", "year.jump"])
        carry = result.findings[0]
        self.assertEqual((carry.expected, carry.actual), (0, 4))
        self.assertEqual(carry.path, "/tables/table3/carried_over/total")
        self.assertEqual(result.findings[2].severity, "note")
        now["table3.carried_over.total"] = 0
        now["table2_art20_1.normative_docs.valid"] = 8
        now["table3.new_received.total"] = 95
        self.assertEqual(len(govinfo.compare(last, now).findings), 0)

    def test_a_copied_section_across_the_change_of_format(self):
        result = govinfo.compare(govinfo.load(SUIBIN_2020), govinfo.load(SUIBIN_2021))
        self.assertEqual([d.rule for d in result.findings], ["year.text_reuse"])
        self.assertEqual(result.findings[0].line, 10)
        quiet = govinfo.compare(govinfo.load(SUIBIN_2020), govinfo.load(SUIBIN_2021),
                                reuse_sections=["s5"])
        self.assertEqual(len(quiet.findings), 0)

    def test_the_findings_outlive_nothing_they_need(self):
        findings = govinfo.compare(govinfo.load(SUIBIN_2020), govinfo.load(SUIBIN_2021)).findings
        import gc
        gc.collect()
        self.assertEqual(findings.to_dict()["diagnostics"][0]["rule"], "year.text_reuse")

    def test_bad_arguments(self):
        last, now = govinfo.load(H2023), govinfo.load(H2024)
        with self.assertRaises(govinfo.InvalidArgumentError) as e:
            govinfo.compare(now, last)
        self.assertIn("2024 and 2023", str(e.exception))
        with self.assertRaises(govinfo.InvalidArgumentError):
            govinfo.compare(last, now, reuse_percent=101)
        with self.assertRaises(govinfo.NotFoundError):
            govinfo.compare(last, now, reuse_sections=["s9"])
        with self.assertRaises(TypeError):
            govinfo.compare(last, "now")
        with self.assertRaises(TypeError):
            govinfo.compare(last, now, reuse_sections="s1")
        with self.assertRaises(ValueError):
            govinfo.compare(last, now, min_run=-1)


class Pair(unittest.TestCase):
    def test_pairs_ambiguous_groups_and_the_unpaired(self):
        reports = [govinfo.load(H2024), govinfo.load(H2023), govinfo.load(CITY)]
        p = govinfo.pair(reports)
        self.assertEqual(p.pairs, ((1, 0),))
        self.assertEqual(p.unpaired, (2,))
        self.assertEqual(p.bodies, ("洪泽区人民政府", "洪泽区人民政府", "淮安市人民政府"))
        p = govinfo.pair(reports + [govinfo.load(H2024)])
        self.assertEqual(p.pairs, ())
        self.assertEqual(p.ambiguous, ((0, 1, 3),))
        self.assertEqual(govinfo.pair([]).pairs, ())
        with self.assertRaises(TypeError):
            govinfo.pair([reports[0], "x"])


class Sum(unittest.TestCase):
    def test_sum_exactly_with_findings_and_against_a_parent(self):
        a, b = govinfo.load(H2024), govinfo.load(CITY)
        total, findings = govinfo.sum([a, b], "淮安市合计")
        self.assertEqual(total["table3.new_received.total"], 3214)
        self.assertEqual(total["table2_art20_8.admin_fees.fee_amount"], decimal.Decimal("103716.6"))
        self.assertEqual(total.organ, "淮安市合计")
        self.assertEqual([d.rule for d in findings], ["sum.absent"])
        self.assertTrue(findings[0].file.endswith("huaian-hongze-2024.yaml"))
        notes = govinfo.sum_against(b, total)
        self.assertGreater(len(notes), 0)
        self.assertEqual({d.rule for d in notes}, {"sum.differs"})
        received = next(d for d in notes if d.path == "/tables/table3/new_received/total")
        self.assertEqual((received.expected, received.actual), (3214, 3119))

    def test_blanks_and_refusals(self):
        a, b = govinfo.load(H2024), govinfo.load(CITY)
        a["table4.review.other"] = None
        total, findings = govinfo.sum([a, b])
        with self.assertRaises(KeyError):
            total["table4.review.other"]
        total, _ = govinfo.sum([a, b], blank_as_zero=True)
        self.assertEqual(total["table4.review.other"], 178)
        with self.assertRaises(govinfo.InvalidArgumentError) as e:
            govinfo.sum([a, govinfo.load(SUIBIN_2020)])
        self.assertIn("different format versions", str(e.exception))
        with self.assertRaises(govinfo.InvalidArgumentError):
            govinfo.sum([])


class Narrative(unittest.TestCase):
    def test_narrative_findings_come_with_validate(self):
        report = govinfo.load(CITY)
        self.assertFalse([d for d in report.validate() if d.rule.startswith("narrative.")])
        report["table4.review.total"] = 350
        found = [d for d in report.validate() if d.rule.startswith("narrative.")]
        self.assertEqual([d.rule for d in found], ["narrative.review"])
        self.assertEqual((found[0].expected, found[0].actual), (350, 351))
        self.assertEqual(found[0].paths, ("/sections/0/text", "/tables/table4/review/total"))
        self.assertIsNotNone(found[0].line)
        self.assertIn("行政复议", found[0].message)


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import taprunner
    taprunner.main()
