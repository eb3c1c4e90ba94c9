#!/usr/bin/python3
"""What `meson install` leaves works where Debian looks: the tool with its man page and bash
completion, the Python package where /usr/bin/python3 looks, the Lua module where lua5.1,
lua5.4 and luajit look, and a pkg-config file that gives users no flags of the library's own
dependencies. Installs into a --destdir tree and runs each against it. TAP on stdout."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BUILD = os.environ.get("GOVINFO_BUILD_ROOT")


def run(argv, env=None, **kw):
    return subprocess.run(argv, capture_output=True, text=True, env=env, **kw)


def find(root, name):
    for folder, _, names in os.walk(root):
        if name in names:
            return os.path.join(folder, name)
    return None


class Installed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not BUILD:
            raise unittest.SkipTest("GOVINFO_BUILD_ROOT is not set")
        cls.tmp = tempfile.mkdtemp(prefix="govinfo-install-")
        r = run(["meson", "install", "-C", BUILD, "--destdir", cls.tmp, "--no-rebuild"])
        if r.returncode != 0:
            raise AssertionError(r.stdout + r.stderr)
        cls.tool = next(os.path.join(folder, "govinfo") for folder, _, names in os.walk(cls.tmp)
                        if folder.endswith("/bin") and "govinfo" in names)
        cls.library = find(cls.tmp, "libgovinfo.so.0")
        cls.env = dict(os.environ, LD_LIBRARY_PATH=os.path.dirname(cls.library))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def installed_path(self, path):
        """The path the file will have once installed for real (without the destdir)."""
        return "/" + os.path.relpath(path, self.tmp)

    def test_the_tool_runs_and_has_v(self):
        for flag in ("--version", "-V"):
            r = run([self.tool, flag], env=self.env)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(r.stdout.startswith("govinfo (libgovinfo) "))
        self.assertEqual(self.installed_path(os.path.dirname(self.tool)).split("/")[-1], "bin")

    def test_the_man_page_documents_every_command(self):
        page = find(self.tmp, "govinfo.1")
        self.assertIsNotNone(page, "govinfo.1 is installed")
        self.assertTrue(self.installed_path(page).endswith("/share/man/man1/govinfo.1"))
        with open(page, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(".TH", text)
        commands = run([self.tool, "--help"], env=dict(self.env, GOVINFO_LANG="en")).stdout
        listed = commands.split("Commands:\n")[1].split("\n\n")[0]
        names = [line.split()[0] for line in listed.splitlines()]
        self.assertGreaterEqual(len(names), 6)
        for name in names:
            self.assertIn(f"\\fB{name}\\fR", text, f"the man page documents {name}")
        for needed in ("EXIT STATUS", "EXAMPLES", "GOVINFO_LANG"):
            self.assertIn(needed, text)

    def test_bash_completion_completes_commands(self):
        completion = next((os.path.join(folder, "govinfo") for folder, _, names in
                           os.walk(self.tmp) if folder.endswith("completions")
                           and "govinfo" in names), None)
        self.assertIsNotNone(completion)
        r = run(["bash", "-c", f'source "{completion}"; COMP_WORDS=(govinfo val); COMP_CWORD=1; '
                 '_govinfo; echo "${COMPREPLY[@]}"'])
        self.assertEqual(r.stdout.split(), ["validate"])

    def test_python_finds_the_package_where_debian_looks(self):
        package = next(os.path.join(folder, "govinfo") for folder, dirs, _ in os.walk(self.tmp)
                       if "govinfo" in dirs and os.path.exists(
                           os.path.join(folder, "govinfo", "__init__.py")))
        site = os.path.dirname(package)
        path = run(["/usr/bin/python3", "-c", "import sys; print('\\n'.join(sys.path))"]).stdout
        self.assertIn(self.installed_path(site), path.splitlines(),
                      "the package goes where /usr/bin/python3 looks")
        self.skip_if_instrumented()
        r = run(["/usr/bin/python3", "-c", "import govinfo; print(govinfo.Report.template("
                 "'2021', 2024).year)"], env=dict(self.env, PYTHONPATH=site), cwd="/")
        self.assertEqual(r.stdout.strip(), "2024", r.stderr)

    def skip_if_instrumented(self):
        # An AddressSanitizer library loads only into a process that starts with ASan's
        # runtime: the uninstrumented interpreters cannot load it (the gcc run checks this).
        if os.environ.get("GOVINFO_TEST_SANITIZER"):
            self.skipTest("the library is built with AddressSanitizer")

    def test_lua_finds_the_module_where_debian_looks(self):
        self.skip_if_instrumented()
        for interpreter, abi in (("lua5.4", "5.4"), ("lua5.1", "5.1"), ("luajit", "5.1")):
            if shutil.which(interpreter) is None:
                continue
            with self.subTest(interpreter=interpreter):
                core = next(os.path.join(folder, "core.so") for folder, _, names in
                            os.walk(self.tmp) if "core.so" in names and
                            f"/lua/{abi}/" in folder + "/")
                init = next(os.path.join(folder, "init.lua") for folder, _, names in
                            os.walk(self.tmp) if "init.lua" in names and
                            f"/lua/{abi}/" in folder + "/")
                cdir = os.path.dirname(os.path.dirname(core))
                ldir = os.path.dirname(os.path.dirname(init))
                paths = run([interpreter, "-e", "print(package.path) print(package.cpath)"])
                self.assertIn(self.installed_path(cdir) + "/?.so", paths.stdout)
                self.assertIn(self.installed_path(ldir) + "/?/init.lua", paths.stdout)
                env = dict(self.env, LUA_PATH=f"{ldir}/?/init.lua;;", LUA_CPATH=f"{cdir}/?.so;;")
                r = run([interpreter, "-e", 'print(#require("govinfo").formats())'], env=env,
                        cwd="/")
                self.assertEqual(r.stdout.strip(), "2", r.stderr)

    def test_pkg_config_gives_no_flags_of_the_dependencies(self):
        pc = find(self.tmp, "govinfo.pc")
        r = run(["pkg-config", "--cflags", "--libs", "govinfo"],
                env=dict(os.environ, PKG_CONFIG_PATH=os.path.dirname(pc)))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("-lgovinfo", r.stdout)
        for other in ("cjson", "libxml2", "utf8proc", "-lyaml", "-lzip"):
            self.assertNotIn(other, r.stdout)
        static = run(["pkg-config", "--static", "--libs", "govinfo"],
                     env=dict(os.environ, PKG_CONFIG_PATH=os.path.dirname(pc))).stdout
        self.assertIn("-lcjson", static)


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import taprunner
    taprunner.main()
