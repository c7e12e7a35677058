#!/usr/bin/env python3
"""Prints every target of issues 16 and 18 beside its figure and its limit, read from one bench/run.sh output.

Usage: python3 bench/targets.py RUN.log  (bench/run.sh calls it at the end with its own output). A figure the run did not
print shows as "not run". The verdict is the comparison only; docs/benchmarks.md names the bound of each missed target.
"""
import re
import sys


def sections(text):
    """The run's output split at its '==> ' headers: [(header, body)]."""
    parts = re.split(r"^==> (.*)$", text, flags=re.M)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


def find(body, pattern, group=1):
    match = re.search(pattern, body, flags=re.M)
    return float(match.group(group).replace(",", "")) if match else None


def section(all_sections, start):
    return "\n".join(body for header, body in all_sections if header.startswith(start))


def main(path):
    text = open(path, encoding="utf-8").read()
    parts = sections(text)
    at_once = next((body for header, body in parts if header == "4. the rush, all at once"), "")
    paced = next((body for header, body in parts if header.startswith("4. the rush, arriving")), "")
    two = next((body for header, body in parts if header.startswith("4. the rush, all at once, two")), "")
    operations = section(parts, "3. operations")
    reads = next((body for header, body in parts if header == "2. reads on kezek_country_1m"), "")
    allocation = section(parts, "5. allocation")
    window = section(parts, "5. an Almaty-size")

    rows = []

    def row(target, figure, limit, met, unit=""):
        shown = "not run" if figure is None else (f"{figure:,.0f}" if figure >= 100 or figure == int(figure) else f"{figure:.2f}") + unit
        verdict = "—" if figure is None else "reported" if met is None else ("met" if met(figure) else "MISSED")
        rows.append((target, shown, limit, verdict))

    ratio = find(at_once, r"Kezek / plain SQL = (\d+) %")
    row("rush: Kezek / plain SQL seat-taking (500 clients at once)", ratio, "≥ 40 %", lambda v: v >= 40, " %")
    row("rush arriving at 500/s: p99", find(paced, r"^rush: Kezek signed choose, 500/s arriving.*p99\s+([\d.]+) ms"), "< 250 ms",
        lambda v: v < 250, " ms")
    row("rush: server peak memory (VmHWM)", find(at_once, r"peak memory \(VmHWM\) (\d+) MiB"), "< 500 MiB", lambda v: v < 500, " MiB")
    row("rush: Kezek server CPU per choice", find(at_once, r"CPU over the rush: ([\d.]+) ms per choice"), "(report)", None, " ms")
    row("signed registration (16 clients)", find(at_once, r"^signed registration.*?\s([\d.]+)/s"), "≥ 300/s", lambda v: v >= 300, "/s")
    row("publishPlaces of 10,000 queue seats", find(operations, r"^publishPlaces: .* in ([\d.]+) s;"), "< 4 s", lambda v: v < 4, " s")
    row("sweep of 100,000 due timers", find(operations, r"^timer sweep: .* swept in ([\d.]+) s"), "< 30 s", lambda v: v < 30, " s")
    row("reads at 1M: queuePosition, Kezek / bare API", find(reads, r"Kezek / bare = (\d+) %"), "≥ 117 % (when filed)", lambda v: v >= 117, " %")
    row("reads at 1M: journal, Kezek / bare API", find(reads, r"(?s)journal: Kezek GraphQL.*?Kezek / bare = (\d+) %"), "≥ 116 % (when filed)",
        lambda v: v >= 116, " %")
    row("two instances: throughput", find(two, r"^rush: Kezek signed chooseKindergarten, 2 instances\s+([\d.]+)/s"), "(report)", None, "/s")
    row("two instances: CPU per choice", find(two, r"CPU over the rush: ([\d.]+) ms per choice"), "(report)", None, " ms")
    row("deferred acceptance, 100,000 × 3,000 × 5 ranks", find(allocation, r"^deferred acceptance: ([\d.]+) s"), "< 10 s", lambda v: v < 10, " s")
    row("release window close, 13,000 seats, 50,000 families", find(window, r"^window close: .* in ([\d.]+) s from due"), "< 30 s",
        lambda v: v < 30, " s")
    row("window: signed rankKindergartens throughput", find(window, r"^window: Kezek signed rankKindergartens\s+([\d.]+)/s"),
        "≥ the window's need", lambda v: v >= (find(window, r"needs ([\d.]+) requests/s") or 0), "/s")

    violated = [line for line in text.splitlines() if line.startswith("invariants: VIOLATED")]
    held = len(re.findall(r"^invariants: hold", text, flags=re.M))
    rows.append(("invariants (every rush and the window)", f"{held} runs hold, {len(violated)} violated", "zero violations",
                 "met" if held and not violated else ("MISSED" if violated else "—")))

    width = max(len(r[0]) for r in rows)
    print(f"{'target':<{width}}  {'figure':>22}  {'limit':<22}  verdict")
    for target, figure, limit, verdict in rows:
        print(f"{target:<{width}}  {figure:>22}  {limit:<22}  {verdict}")


if __name__ == "__main__":
    main(sys.argv[1])
