#!/usr/bin/python3
"""The package installs offline with pip from the source tree, and meson installs it too."""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from python_support import PACKAGE_DIR, ROOT, SUIBIN, run_python

MODULES = sorted(os.path.basename(p) for p in glob.glob(os.path.join(PACKAGE_DIR, "govinfo",
                                                                     "*.py")))
# Every module and the PEP 561 marker that says the package carries type hints.
SHIPPED = sorted(MODULES + ["py.typed"])


def have_module(name):
    return run_python(["-c", f"import {name}"]).returncode == 0


class Pip(unittest.TestCase):
    def test_offline_install_from_the_source_tree(self):
        for module, package in [("pip", "python3-pip"), ("setuptools", "python3-setuptools"),
                                ("wheel", "python3-wheel")]:
            if not have_module(module):
                self.skipTest(f"needs the Debian package {package}")
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        # A copy, so the build leaves nothing behind in the tree.
        source = os.path.join(work, "src")
        shutil.copytree(PACKAGE_DIR, source, ignore=shutil.ignore_patterns(
            "__pycache__", "build", "*.egg-info", "meson.build"))
        target = os.path.join(work, "site")
        env = dict(os.environ, PIP_NO_CACHE_DIR="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
        install = run_python(["-m", "pip", "install", "--no-build-isolation", "--no-index",
                              "--no-deps", "--quiet", "--target", target, source], env=env)
        self.assertEqual(install.returncode, 0, install.stdout + install.stderr)
        self.assertEqual(sorted(os.path.basename(p) for p in
                                glob.glob(os.path.join(target, "govinfo", "*.py")) +
                                glob.glob(os.path.join(target, "govinfo", "py.typed"))),
                         SHIPPED)
        metadata = glob.glob(os.path.join(target, "govinfo-*.dist-info", "METADATA"))
        self.assertEqual(len(metadata), 1)
        import govinfo
        with open(metadata[0], encoding="utf-8") as f:
            self.assertIn(f"Version: {govinfo.__version__}\n", f.read())
        # The installed copy works, away from the source tree.
        check = run_python(["-c", "import sys, govinfo; assert govinfo.__file__.startswith("
                            "sys.argv[1]), govinfo.__file__; "
                            "print(govinfo.Report.load(sys.argv[2]).validate().valid)",
                            target, SUIBIN], cwd=work,
                           env=dict(os.environ, PYTHONPATH=target))
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertEqual(check.stdout.strip(), "True")


class Meson(unittest.TestCase):
    def test_meson_installs_every_module_and_the_type_marker(self):
        build = os.environ.get("GOVINFO_BUILD_ROOT")
        if not build or not shutil.which("meson"):
            self.skipTest("needs GOVINFO_BUILD_ROOT and meson")
        listed = subprocess.run(["meson", "introspect", "--installed", build],
                                stdout=subprocess.PIPE, text=True, check=True)
        installed = [dest for dest in json.loads(listed.stdout).values()
                     if os.sep + "govinfo" + os.sep in dest and
                     (dest.endswith(".py") or dest.endswith("py.typed"))]
        self.assertEqual(sorted(os.path.basename(p) for p in installed), SHIPPED)
        for dest in installed:  # where Debian's python3 looks: python3 or python3.X
            self.assertRegex(dest, r"/python3(\.\d+)?/dist-packages/govinfo/")


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import taprunner
    taprunner.main()
