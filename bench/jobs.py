"""``claims annotate --jobs 1`` against ``--jobs 2`` on many files: wall time, speed-up.

Usage: python bench/jobs.py CORPUS.xml... [--repeat 3] [--limit N]

Writes each corpus document as its own .txt file in a temporary folder, then runs the
real command line (``python -m claims.cli annotate --jobs N FILES -o OUT``) as a child
process; the two settings alternate for ``--repeat`` rounds, each one's best is reported.
Goal: near-linear speed-up (close to 2x with two jobs on two cores).

Both settings pay the same serial start-up (imports, compiling the lexicons), which
bounds the speed-up of a short run. The start-up is measured too, as the best run on
one tiny file, and the speed-up of the rest (the part that can run in parallel) is
printed beside the end-to-end one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import corpus_docs, corpus_parser, parse_corpus_args

REPO = Path(__file__).resolve().parents[1]


def run(files: list[str], jobs: int, out: Path) -> float:
    """Wall time of one ``claims annotate`` run; exits on a failed run."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    # An installed package runs from cached bytecode; without this setting the first run
    # writes it, instead of every run compiling claims/ from source again (~30 ms).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, "-m", "claims.cli", "annotate", "--jobs", str(jobs), "-o", str(out)]
    start = time.perf_counter()
    proc = subprocess.run([*cmd, *files], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.strip().splitlines()
        sys.exit(f"jobs: claims annotate --jobs {jobs} failed: {err[-1] if err else '?'}")
    return seconds


def main() -> int:
    parser = corpus_parser(__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting (best kept)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    args = parse_corpus_args(parser)
    docs = corpus_docs(args.corpus, args.limit)
    with tempfile.TemporaryDirectory(prefix="claims-jobs-") as tmp:
        folder = Path(tmp)
        files = []
        for i, (doc_id, text) in enumerate(docs):
            path = folder / f"{i:05d}-{doc_id.replace('/', '_')}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        size = sum(Path(f).stat().st_size for f in files) / 1e6
        print(f"{len(files)} files, {size:.2f} MB, {os.cpu_count()} CPUs")
        tiny = folder / "tiny.txt"
        tiny.write_text("Start-up only.", encoding="utf-8")
        # The two settings alternate round by round, so a busy spell on a shared
        # machine slows both rather than only the one that happened to run then.
        times: dict[int, list[float]] = {1: [], 2: []}
        startup: list[float] = []
        for _ in range(args.repeat):
            for jobs in times:
                times[jobs].append(run(files, jobs, folder / f"out{jobs}.jsonl"))
            startup.append(run([str(tiny)], 1, folder / "tiny.jsonl"))
        best = {jobs: min(ts) for jobs, ts in times.items()}
        for jobs, ts in times.items():
            print(f"--jobs {jobs}: best {best[jobs]:.2f} s of {', '.join(f'{t:.2f}' for t in ts)}")
        same = (folder / "out1.jsonl").read_bytes() == (folder / "out2.jsonl").read_bytes()
    serial = min(startup)
    print(f"start-up (one tiny file): best {serial:.2f} s")
    print(f"speed-up --jobs 2 / --jobs 1: {best[1] / best[2]:.2f}x (goal near 2x)")
    parallel = (best[1] - serial) / (best[2] - serial)
    print(f"speed-up after start-up: {parallel:.2f}x ((jobs 1 - start-up) / (jobs 2 - start-up))")
    print(f"outputs identical: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
