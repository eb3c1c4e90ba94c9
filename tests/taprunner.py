"""Runs a unittest module and reports in TAP, so meson and .ci/run count every test case.

Use at the bottom of a test file:
    if __name__ == "__main__":
        import taprunner; taprunner.main()
(meson puts tests/ on PYTHONPATH.)
"""
import sys
import traceback
import unittest


class TapResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.number = 0

    def _line(self, ok, test, note=""):
        self.number += 1
        status = "ok" if ok else "not ok"
        print(f"{status} {self.number} - {test.id()}{note}", flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._line(True, test)

    def _fail(self, test, err, kind):
        self._line(False, test)
        for line in "".join(traceback.format_exception(*err)).splitlines():
            print(f"# {line}")
        print(f"# ({kind})", flush=True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._fail(test, err, "failure")

    def addError(self, test, err):
        super().addError(test, err)
        self._fail(test, err, "error")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:  # passing subtests are covered by their test's own line
            self._fail(subtest, err, "failure" if issubclass(err[0], test.failureException)
                       else "error")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._line(True, test, f" # SKIP {reason}")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._line(True, test, " # TODO expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._line(False, test, " # unexpected success")


def main(module="__main__"):
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[module])
    print("TAP version 13", flush=True)
    result = TapResult()
    suite.run(result)
    print(f"1..{result.number}")  # at the end: failing subtests add lines
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
