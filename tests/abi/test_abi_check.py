#!/usr/bin/python3
"""scripts/abi-check.sh itself, against baselines written from the library just built (so it
holds for any build): an unchanged library passes, a symbol missing from the library fails
whether nm or abidiff sees it, and a symbol missing from the baseline passes with a hint to
update it.

Environment (tests/meson.build): GOVINFO_SOURCE_ROOT, GOVINFO_BUILD_ROOT.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.environ.get("GOVINFO_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BUILD = os.environ.get("GOVINFO_BUILD_ROOT", "")
SCRIPT = os.path.join(ROOT, "scripts", "abi-check.sh")
ABI = "libgovinfo.so.0.abi"
SYMBOLS = "symbols.txt"
GONE = "govinfo_zz_gone"  # sorts last


def abi_check(*args):
    return subprocess.run(["bash", SCRIPT, *args, BUILD], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL)


class AbiCheck(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fresh = tempfile.mkdtemp()
        done = abi_check("--update", "--baseline", cls.fresh)
        if done.returncode != 0:
            raise RuntimeError(done.stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.fresh)

    def baseline(self):
        """A copy of the fresh baseline to edit."""
        path = os.path.join(tempfile.mkdtemp(), "abi")
        self.addCleanup(shutil.rmtree, os.path.dirname(path))
        shutil.copytree(self.fresh, path)
        return path

    def edit(self, path, name, change):
        with open(os.path.join(path, name), encoding="utf-8") as f:
            text = f.read()
        changed = change(text)
        self.assertNotEqual(changed, text, f"{name} not edited")
        with open(os.path.join(path, name), "w", encoding="utf-8") as f:
            f.write(changed)

    def test_the_library_it_was_written_from_passes(self):
        done = abi_check("--baseline", self.fresh)
        self.assertEqual(done.returncode, 0, done.stdout)
        self.assertIn("keeps the ABI", done.stdout)

    def test_a_symbol_missing_from_the_library_fails(self):
        base = self.baseline()
        self.edit(base, SYMBOLS, lambda text: text + GONE + "\n")
        done = abi_check("--baseline", base)
        self.assertEqual(done.returncode, 1, done.stdout)
        self.assertIn("no longer exported", done.stdout)
        self.assertIn(GONE, done.stdout)

    def test_a_function_abidiff_misses_in_the_library_fails(self):
        """The baseline's XML lists one more function, a copy of govinfo_free."""
        base = self.baseline()

        def add_function(text):
            symbol = re.search(r"\n *<elf-symbol name='govinfo_free'[^\n]*", text).group(0)
            decl = re.search(r"\n *<function-decl name='govinfo_free'.*?</function-decl>", text,
                             re.S).group(0)
            text = text.replace(symbol, symbol + symbol.replace("govinfo_free", GONE), 1)
            return text.replace(decl, decl + decl.replace("govinfo_free", GONE), 1)

        self.edit(base, ABI, add_function)
        done = abi_check("--baseline", base)
        self.assertEqual(done.returncode, 1, done.stdout)
        self.assertIn("incompatible change", done.stdout)
        self.assertIn(GONE, done.stdout)

    def test_a_symbol_added_to_the_library_passes_with_a_hint(self):
        """The baseline lacks govinfo_free, as if the library had just gained it."""
        base = self.baseline()
        self.edit(base, SYMBOLS, lambda text: text.replace("govinfo_free\n", ""))
        self.edit(base, ABI, lambda text: re.sub(
            r"\n *<function-decl name='govinfo_free'.*?</function-decl>|"
            r"\n *<elf-symbol name='govinfo_free'[^\n]*", "", text, flags=re.S))
        done = abi_check("--baseline", base)
        self.assertEqual(done.returncode, 0, done.stdout)
        self.assertIn("not in the baseline (allowed):\n  govinfo_free\n", done.stdout)
        self.assertIn("scripts/abi-check.sh --update", done.stdout)


if __name__ == "__main__":
    if not BUILD or not shutil.which("abidw") or not shutil.which("abidiff"):
        print("1..0 # SKIP needs GOVINFO_BUILD_ROOT and abigail-tools (abidw, abidiff)")
        sys.exit(0)
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import taprunner
    taprunner.main()
