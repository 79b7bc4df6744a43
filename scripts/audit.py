"""`make audit`: pip-audit on the pinned requirements, saying plainly what was and was not audited.

pip-audit itself prints "No known vulnerabilities found" even when it could check nothing (every
package "not found" because the vulnerability service is out of reach or answers 404 for all, as
on the project's CI machines). This wrapper reads its JSON report instead and exits with:

  0  every pinned package audited, no known vulnerability;
  1  known vulnerabilities (listed);
  2  pip-audit failed for another reason (a bad requirements file, a crash);
  3  nothing, or not everything, was audited (the service could not be reached): not a pass.

Extra arguments go to pip-audit, e.g. `scripts/audit.py --vulnerability-service osv`.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
REQUIREMENTS = ["requirements.txt", "requirements-dev.txt"]
NOT_AUDITED = 3
NETWORK = re.compile(r"ConnectionError|NameResolution|Max retries|timed out|ProxyError|SSLError|Connection refused")


def run_pip_audit(extra_args):
    command = [sys.executable, "-m", "pip_audit", "--progress-spinner", "off", "--format", "json"]
    for name in REQUIREMENTS:
        command += ["--requirement", str(BASE_DIR / name)]
    # Exact pins: audit them as written, without resolving or installing anything.
    command += ["--no-deps", "--disable-pip", *extra_args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def last_error_line(stderr):
    lines = [line.strip() for line in stderr.splitlines() if line.strip() and "WARNING" not in line]
    return lines[-1] if lines else "pip-audit printed nothing"


def main(argv):
    result = run_pip_audit(argv)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        reason = last_error_line(result.stderr)
        if NETWORK.search(result.stderr):
            print(f"nothing was audited: the vulnerability service could not be reached ({reason})")
            return NOT_AUDITED
        print(f"pip-audit failed: {reason}")
        return 2
    dependencies = report.get("dependencies", [])
    skipped = [item for item in dependencies if item.get("skip_reason")]
    audited = [item for item in dependencies if not item.get("skip_reason")]
    vulnerable = [item for item in audited if item.get("vulns")]
    for item in vulnerable:
        for vuln in item["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            print(f"VULNERABLE {item['name']} {item['version']}: {vuln['id']} (fixed in: {fixes})")
    if skipped:
        first = skipped[0]["skip_reason"]
        if not audited:
            print(
                f"nothing was audited: none of the {len(skipped)} pinned packages could be checked "
                f"(first reason: {first}). The vulnerability service is probably out of reach."
            )
        else:
            names = ", ".join(item["name"] for item in skipped)
            print(f"audit incomplete: {len(skipped)} of {len(dependencies)} packages could not be checked: {names}")
    if vulnerable:
        return 1
    if skipped or not dependencies:
        return NOT_AUDITED
    print(f"{len(audited)} pinned packages audited: no known vulnerability.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
