#!/usr/bin/python3
"""Corpus benchmark: batch validate, import and export of a generated corpus.

    bench/corpus.py [--files N] [--pdfs N] [--rounds R] [--cli build/tools/govinfo]
                    [--loop build/bench/bench-corpus-loop] [--keep DIR]

Makes, in a temporary directory, a corpus from the examples and fixtures: N report documents
(JSON and YAML, half each) and N published reports (pdftotext texts in layout and reading
order, and --pdfs PDFs among them), in folders of 100. Then, in the same run, it measures
(best of --rounds, wall time):

  validate  `govinfo validate --jobs 1|2 --quiet DIR` and the plain in-process loop
            (bench-corpus-loop: load, validate, format every finding, one thread)
  import    `govinfo import --jobs 1|2 --quiet DIR -o OUT/` and the loop with --import
            (import, validate, save as YAML, format every finding)
  export    `govinfo export DIR -o corpus.csv|corpus.db`: time and size
  memory    peak RSS of `govinfo validate --jobs 2` over 250, 500 and 1000 files (and of
            import over the same counts), which should not grow with the count

and prints reports/s, the --jobs 2 speed-up (target >= 1.8x), the CLI against the loop
(target <= 1.2x) and the load average before and after, since the machine may be shared.
It reports; its exit status only says whether it could run.
"""
import argparse
import os
import shutil
import subprocess
import tempfile
import time
from typing import Callable, Dict, List, Optional, Tuple

ROOT = os.environ.get("GOVINFO_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "data", "fixtures")
REPORTS = os.path.join(ROOT, "examples", "reports")
PER_FOLDER = 100


def documents() -> List[str]:
    names = [os.path.join(REPORTS, n) for n in sorted(os.listdir(REPORTS)) if n.endswith(".yaml")]
    names += [os.path.join(FIXTURES, n) for n in sorted(os.listdir(FIXTURES))
              if n.endswith(".yaml") and not n.endswith(".expected.yaml")]
    return names


def published(kind: str) -> List[str]:
    return [os.path.join(FIXTURES, n) for n in sorted(os.listdir(FIXTURES)) if n.endswith(kind)]


def folder_for(root: str, i: int) -> str:
    path = os.path.join(root, f"part{i // PER_FOLDER:03}")
    os.makedirs(path, exist_ok=True)
    return path


def make_corpus(root: str, cli: str, files: int, pdfs: int) -> Tuple[str, str]:
    """root/docs: JSON and YAML reports; root/published: texts and PDFs."""
    docs, pub = os.path.join(root, "docs"), os.path.join(root, "published")
    as_json = []
    for src in documents():
        out = os.path.join(root, os.path.basename(src)[:-5] + ".json")
        subprocess.run([cli, "convert", src, out], check=True)
        as_json.append(out)
    yaml_docs = documents()
    for i in range(files):
        src = as_json[i // 2 % len(as_json)] if i % 2 else yaml_docs[i // 2 % len(yaml_docs)]
        shutil.copy(src, os.path.join(folder_for(docs, i), f"r{i:05}{os.path.splitext(src)[1]}"))
    texts = published(".txt")
    pdf_sources = published(".pdf")
    every = max(1, files // pdfs) if pdfs else 0
    for i in range(files):
        if every and i % every == 0 and i // every < pdfs:
            src = pdf_sources[i // every % len(pdf_sources)]
        else:
            src = texts[i % len(texts)]
        ext = ".pdf" if src.endswith(".pdf") else ".txt"
        shutil.copy(src, os.path.join(folder_for(pub, i), f"p{i:05}{ext}"))
    return docs, pub


def listing(directory: str) -> List[str]:
    out = []
    for folder, dirs, names in os.walk(directory):
        dirs.sort()
        out += [os.path.join(folder, n) for n in sorted(names)]
    return out


CPU: Dict[str, float] = {}  # the CPU seconds (user + system) of the best run of each


def timed(argv: List[str], stdin: Optional[str] = None) -> Tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of one run; its output is discarded. Its CPU time is
    kept in CPU["last"]."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if stdin and proc.stdin:
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    CPU["last"] = usage.ru_utime + usage.ru_stime
    if proc.returncode not in (0, 1, 2):
        raise SystemExit(f"corpus.py: {argv[0]} failed ({proc.returncode})")
    return elapsed, usage.ru_maxrss


def best(rounds: int, argv: List[str], stdin: Optional[str] = None,
         before: Optional[Callable[[], None]] = None) -> float:
    times = []
    for _ in range(rounds):
        if before:
            before()
        times.append((timed(argv, stdin)[0], CPU["last"]))
    wall, cpu = min(times)
    CPU["best"] = cpu
    return wall


def size_of(path: str) -> float:
    return os.path.getsize(path) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description="corpus benchmark")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--pdfs", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build", "tools", "govinfo"))
    parser.add_argument("--loop", default=os.path.join(ROOT, "build", "bench", "bench-corpus-loop"))
    parser.add_argument("--keep", help="make the corpus here and keep it")
    args = parser.parse_args()
    root = args.keep or tempfile.mkdtemp(prefix="govinfo-corpus-")
    os.makedirs(root, exist_ok=True)
    try:
        run(args, root)
    finally:
        if not args.keep:
            shutil.rmtree(root)


def run(args: argparse.Namespace, root: str) -> None:
    cli, loop, n = args.cli, args.loop, args.files
    load_before = os.getloadavg()
    docs, pub = make_corpus(root, cli, n, args.pdfs)
    doc_list = "\n".join(listing(docs)) + "\n"
    pub_list = "\n".join(listing(pub)) + "\n"
    print(f"corpus: {n} documents (JSON and YAML), {n} published reports "
          f"({args.pdfs} PDFs, the rest pdftotext texts); {os.cpu_count()} processors; "
          f"load average before {load_before[0]:.2f}")

    results = {}
    for jobs in (1, 2):
        results[f"validate{jobs}"] = best(args.rounds, [cli, "validate", "--quiet", "--jobs",
                                                        str(jobs), docs])
        CPU[f"validate{jobs}"] = CPU["best"]
    results["validate_loop"] = best(args.rounds, [loop], doc_list)
    CPU["validate_loop"] = CPU["best"]
    out = os.path.join(root, "out")

    def clear() -> None:
        shutil.rmtree(out, ignore_errors=True)
    for jobs in (1, 2):
        results[f"import{jobs}"] = best(args.rounds, [cli, "import", "--quiet", "--jobs",
                                                      str(jobs), pub, "-o", out + "/"],
                                        before=clear)
        CPU[f"import{jobs}"] = CPU["best"]
    loop_out = os.path.join(root, "loop-out")

    def clear_loop() -> None:
        shutil.rmtree(loop_out, ignore_errors=True)
        os.makedirs(loop_out)
    results["import_loop"] = best(args.rounds, [loop, "--import", loop_out], pub_list,
                                  before=clear_loop)
    CPU["import_loop"] = CPU["best"]

    def line(what: str, key: str, base: Optional[str] = None) -> None:
        seconds = results[key]
        extra = f"  ({results[base] / seconds:.2f}x of jobs 1)" if base else ""
        print(f"  {what:30} {seconds:8.3f} s  {n / seconds:8.1f} reports/s  "
              f"cpu {CPU[key]:7.3f} s{extra}")

    print("validate (load + validate + print findings):")
    line("govinfo validate --jobs 1", "validate1")
    line("govinfo validate --jobs 2", "validate2", "validate1")
    line("in-process loop (1 thread)", "validate_loop")
    print(f"  CLI --jobs 1 / loop: {results['validate1'] / results['validate_loop']:.2f}x wall, "
          f"{CPU['validate1'] / CPU['validate_loop']:.2f}x CPU (target <= 1.2x)")
    print("import (import + validate + write each report):")
    line("govinfo import --jobs 1", "import1")
    line("govinfo import --jobs 2", "import2", "import1")
    line("in-process loop (1 thread)", "import_loop")
    print(f"  CLI --jobs 1 / loop: {results['import1'] / results['import_loop']:.2f}x wall, "
          f"{CPU['import1'] / CPU['import_loop']:.2f}x CPU (target <= 1.2x)")

    print("export of the documents:")
    for ext in ("csv", "db"):
        target = os.path.join(root, f"corpus.{ext}")

        def remove(target: str = target) -> None:
            if os.path.exists(target):
                os.unlink(target)
        seconds = best(args.rounds, [cli, "export", "--quiet", docs, "-o", target],
                       before=remove)
        print(f"  govinfo export -o corpus.{ext:5}  {seconds:8.3f} s  {n / seconds:8.1f} reports/s  "
              f"cpu {CPU['best']:7.3f} s  {size_of(target):6.1f} MB")

    print("peak RSS over the batch (govinfo ... --jobs 2):")
    folders = sorted(os.listdir(docs))
    for count in (250, 500, 1000):
        if count > n:
            break
        subset = os.path.join(root, f"subset{count}")
        pub_subset = os.path.join(root, f"pubsubset{count}")
        for i, path in enumerate(listing(docs)[:count]):
            os.makedirs(subset, exist_ok=True)
            os.link(path, os.path.join(subset, f"{i:05}{os.path.splitext(path)[1]}"))
        for i, path in enumerate(listing(pub)[:count]):
            os.makedirs(pub_subset, exist_ok=True)
            os.link(path, os.path.join(pub_subset, f"{i:05}{os.path.splitext(path)[1]}"))
        _, rss_validate = timed([cli, "validate", "--quiet", "--jobs", "2", subset])
        clear()
        _, rss_import = timed([cli, "import", "--quiet", "--jobs", "2", pub_subset, "-o", out])
        _, rss_export = timed([cli, "export", "--quiet", "--jobs", "2", subset, "-o",
                               os.path.join(root, f"rss{count}.db")])
        print(f"  {count:5} files: validate {rss_validate / 1024:6.1f} MiB, import "
              f"{rss_import / 1024:6.1f} MiB, export to SQLite {rss_export / 1024:6.1f} MiB")
    del folders
    load_after = os.getloadavg()
    print(f"load average after {load_after[0]:.2f} (1 min), {load_after[1]:.2f} (5 min)")


if __name__ == "__main__":
    main()
