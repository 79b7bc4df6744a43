"""`make audit` (scripts/audit.py) never claims an audit it could not do."""

import socket
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def closed_loopback_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_audit(tmp_path, *args):
    # Every request pip-audit makes goes to a proxy on a closed loopback port: no network.
    proxy = f"http://127.0.0.1:{closed_loopback_port()}"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HTTPS_PROXY": proxy, "HTTP_PROXY": proxy}
    return subprocess.run(  # noqa: S603 (our own script, fixed arguments)
        [sys.executable, str(BASE_DIR / "scripts" / "audit.py"), "--cache-dir", str(tmp_path / "cache"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=BASE_DIR,
        timeout=120,
        check=False,
    )


def test_offline_audit_says_nothing_was_audited_and_exits_3(tmp_path):
    result = run_audit(tmp_path)
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stdout.startswith("nothing was audited: ")
    assert "could not be reached" in result.stdout or "out of reach" in result.stdout
    assert "No known vulnerabilities" not in result.stdout + result.stderr
    assert "no known vulnerability" not in result.stdout


def test_offline_audit_with_the_osv_service_says_the_same(tmp_path):
    result = run_audit(tmp_path, "--vulnerability-service", "osv")
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stdout.startswith("nothing was audited: the vulnerability service could not be reached")
    assert "No known vulnerabilities" not in result.stdout + result.stderr
