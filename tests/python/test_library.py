#!/usr/bin/python3
"""How the binding finds libgovinfo, checks its version, and declares every C function.

The prototypes are checked against the public headers themselves: every GOVINFO_API
function of common.h, format.h, report.h, validate.h and io.h must be in the table with the
argument and return types its declaration gives.
"""
import ctypes
import os
import re
import shutil
import sys
import tempfile
import unittest

import govinfo
from govinfo import _library as native
from python_support import PACKAGE_DIR, ROOT, run_python

HEADERS = ["common.h", "format.h", "report.h", "validate.h", "io.h", "import.h", "batch.h",
           "export.h", "analysis.h", "suppress.h", "render.h"]
# Bound by the lead together with the importer; not part of this table yet.
NOT_YET_BOUND_HEADERS = []
ENUM_TYPES = {"govinfo_row_role", "govinfo_value_kind", "govinfo_severity", "govinfo_syntax",
              "govinfo_cell_state", "govinfo_input_kind", "govinfo_batch_action",
              "govinfo_export_format"}
SCALARS = {ctypes.c_int: "int", ctypes.c_uint: "unsigned", ctypes.c_size_t: "size_t",
           ctypes.c_int64: "int64_t", ctypes.c_char_p: "char *", ctypes.c_void_p: "void *"}


def header_text(name):
    with open(os.path.join(ROOT, "include", "govinfo", name), encoding="utf-8") as f:
        text = f.read()
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def c_type(text):
    """A C type as the binding must declare it, in the notation of ctypes_type()."""
    text = re.sub(r"\s+", " ", text.replace("*", " * ")).strip()
    stars = text.count("*")
    base = text.replace("*", "").replace("const", "").strip()
    is_const = text.startswith("const")
    if base in ENUM_TYPES:
        base = "int"
    if base == "char" and stars == 2 and not is_const:
        return "void * *"  # a string the caller frees: must not be copied by c_char_p
    if base in ("char", "void") and stars:
        return base + " *" + " *" * (stars - 1)
    return base + " *" * stars


def ctypes_type(t):
    """A ctypes type in C notation: "int", "char *", "govinfo_report * *"."""
    if t is None:
        return "void"
    if t in SCALARS:
        return SCALARS[t]
    if t is native.ErrorRecord:
        return "govinfo_error"
    if issubclass(t, ctypes._Pointer):
        return ctypes_type(t._type_) + " *"
    if issubclass(t, ctypes.Structure):
        return t.__name__
    raise AssertionError(f"unexpected ctypes type {t!r}")


def declarations(header):
    """{function name: (return type, [parameter types])} of GOVINFO_API declarations."""
    found = {}
    for decl in re.findall(r"GOVINFO_API\s+([^;{]*?\))\s*;", header_text(header), flags=re.S):
        decl = re.sub(r"\s+", " ", decl)
        m = re.fullmatch(r"(.*?)\b(govinfo_\w+)\s*\((.*)\)", decl)
        returns, name, params = m.groups()
        types = []
        if params.strip() != "void":
            for param in params.split(","):
                p = re.fullmatch(r"(.*?)(\w+)", param.strip())
                types.append(c_type(p.group(1)))
        found[name] = (c_type(returns), types)
    return found


class PrototypeTable(unittest.TestCase):
    def test_every_public_function_of_the_bound_headers_is_declared(self):
        declared = {}
        for header in HEADERS:
            declared.update(declarations(header))
        self.assertGreater(len(declared), 100)
        self.assertEqual(sorted(set(declared) - set(native.PROTOTYPES)), [],
                         "public functions missing from PROTOTYPES")
        self.assertEqual(sorted(set(native.PROTOTYPES) - set(declared)), [],
                         "PROTOTYPES names functions the headers do not declare")

    def test_prototypes_have_the_declared_types(self):
        for header in HEADERS:
            for name, (returns, params) in declarations(header).items():
                with self.subTest(function=name):
                    restype, argtypes = native.PROTOTYPES[name]
                    self.assertEqual(ctypes_type(restype), returns)
                    self.assertEqual([ctypes_type(a) for a in argtypes], params)

    def test_every_function_carries_its_prototype_at_run_time(self):
        for name, (restype, argtypes) in native.PROTOTYPES.items():
            with self.subTest(function=name):
                function = getattr(native.lib, name)
                self.assertIs(function.restype, restype)
                self.assertEqual(function.argtypes, argtypes)

    def test_importer_is_left_to_its_own_entries(self):
        for header in NOT_YET_BOUND_HEADERS:
            for name in declarations(header):
                self.assertNotIn(name, native.PROTOTYPES)

    def test_error_record_mirrors_struct_govinfo_error(self):
        body = re.search(r"typedef struct govinfo_error \{(.*?)\} govinfo_error;",
                         header_text("common.h"), flags=re.S).group(1)
        fields = []
        for member in body.split(";"):
            member = " ".join(member.split())
            if member:
                m = re.fullmatch(r"(.*?)(\w+)", member)
                fields.append((m.group(2), c_type(m.group(1))))
        self.assertEqual([(name, ctypes_type(t)) for name, t in native.ErrorRecord._fields_],
                         fields)

    def test_options_structs_mirror_the_headers(self):
        structs = {native.ValidateOptions: "validate.h", native.ImportOptions: "import.h",
                   native.CompareOptions: "analysis.h", native.PairingOptions: "analysis.h",
                   native.SumOptions: "analysis.h", native.BatchOptions: "batch.h",
                   native.ExportOptions: "export.h"}
        for struct, header in structs.items():
            with self.subTest(struct=struct.__name__):
                body = re.search(rf"typedef struct {struct.__name__} \{{(.*?)\}} {struct.__name__};",
                                 header_text(header), flags=re.S).group(1)
                fields = []
                for member in body.split(";"):
                    member = " ".join(member.split())
                    if member:
                        m = re.fullmatch(r"(.*?)(\w+)", member)
                        fields.append((m.group(2), c_type(m.group(1))))
                # A field named after a Python keyword takes a trailing underscore (import_).
                self.assertEqual([(name.rstrip("_"), ctypes_type(t))
                                  for name, t in struct._fields_], fields)

    def test_handles_of_the_wrong_kind_are_refused(self):
        found = native.Diagnostics()
        with self.assertRaises(ctypes.ArgumentError):
            native.lib.govinfo_report_free(found)


class Version(unittest.TestCase):
    def test_package_version_is_the_library_version(self):
        self.assertEqual(govinfo.library_version(), govinfo.__version__)
        with open(os.path.join(ROOT, "meson.build"), encoding="utf-8") as f:
            project_version = re.search(r"version\s*:\s*'([^']+)'", f.read()).group(1)
        self.assertEqual(govinfo.__version__, project_version)

    def _fake_library(self, number):
        class Function:
            def __call__(self):
                return number

        class Fake:
            _name = "fake"
            govinfo_version_number = Function()
        return Fake()

    def test_older_or_incompatible_library_is_refused_at_import(self):
        for number in (0, 99, 10000, 10100):
            with self.subTest(number=number), self.assertRaises(ImportError) as caught:
                native._check_version(self._fake_library(number), "/x/libgovinfo.so.0")
            self.assertIn("/x/libgovinfo.so.0", str(caught.exception))
        for number in (100, 101, 9999):
            native._check_version(self._fake_library(number), "/x/libgovinfo.so.0")

    def test_library_without_a_function_is_refused(self):
        class Missing:
            _name = "/x/libold.so"
        with self.assertRaises(ImportError) as caught:
            native._declare(Missing())
        self.assertIn("/x/libold.so", str(caught.exception))


def child_env(**changes):
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


class Finding(unittest.TestCase):
    library = os.environ.get("GOVINFO_LIBRARY")

    def setUp(self):
        if not self.library:
            self.skipTest("GOVINFO_LIBRARY is not set (run through meson test)")
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)
        self.package = os.path.join(self.tmp, "govinfo")
        shutil.copytree(os.path.join(PACKAGE_DIR, "govinfo"), self.package,
                        ignore=shutil.ignore_patterns("__pycache__"))

    def import_copy(self, **env):
        """Imports the copied package in a child; its stdout: the library path it loaded."""
        return run_python(["-c", "import govinfo; print(govinfo.library_path)"], cwd=self.tmp,
                          env=child_env(PYTHONPATH=self.tmp, **env))

    def test_environment_variable_comes_first(self):
        self.assertEqual(govinfo.library_path, self.library)
        shutil.copy(self.library, os.path.join(self.package, "libgovinfo.so.0"))
        child = self.import_copy(GOVINFO_LIBRARY=self.library)
        self.assertEqual(child.returncode, 0, child.stderr)
        self.assertEqual(child.stdout.strip(), self.library)

    def test_library_next_to_the_package_comes_second(self):
        beside = os.path.join(self.package, "libgovinfo.so.0")
        shutil.copy(self.library, beside)
        child = self.import_copy(GOVINFO_LIBRARY=None)
        self.assertEqual(child.returncode, 0, child.stderr)
        self.assertEqual(child.stdout.strip(), beside)

    def test_import_error_lists_every_place_tried(self):
        missing = os.path.join(self.tmp, "nowhere", "libgovinfo.so.0")
        env = dict(GOVINFO_LIBRARY=missing, LD_LIBRARY_PATH=None)
        # Exits 0 when the system has a libgovinfo (found by find_library or by its soname),
        # as after the README's install: then no place can be missing.
        probe = run_python(["-c", "import ctypes, ctypes.util\n"
                            "if ctypes.util.find_library('govinfo') is None:\n"
                            "    ctypes.CDLL('libgovinfo.so.0')"], env=child_env(**env))
        if probe.returncode == 0:
            self.skipTest("a libgovinfo is installed system-wide")
        child = self.import_copy(**env)
        self.assertNotEqual(child.returncode, 0)
        self.assertEqual(child.stderr.count("ImportError: "), 1, child.stderr)
        message = child.stderr[child.stderr.index("ImportError: "):]
        self.assertIn("cannot load libgovinfo", message)
        self.assertIn(f"$GOVINFO_LIBRARY ({missing})", message)
        self.assertIn(os.path.join(self.package, "libgovinfo.so.0"), message)
        self.assertIn("find_library", message)
        self.assertIn("the versioned soname (libgovinfo.so.0)", message)


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import taprunner
    taprunner.main()
