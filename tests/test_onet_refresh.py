"""Pure refresh helpers (no Prefect): candidate versions, probing, streaming download with size
limit / stall timeout / retries, archive verification. Served by http.server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from test_onet_store import write_mini_release

from ksa.errors import ReleaseError
from ksa.onet.refresh import (
    DownloadError,
    candidate_versions,
    download,
    extract_archive,
    file_sha256,
    find_newer,
    probe,
    release_url,
    verify_archive,
)


def zip_release(folder: Path, dest: Path, *, top: str | None = None,
                skip: tuple[str, ...] = ()) -> Path:
    """Zip a release folder the way onetcenter.org does (members under one top folder)."""
    prefix = (top or folder.name) + "/"
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            if path.stem not in skip:
                archive.write(path, prefix + path.name)
    return dest


class ReleaseServer(BaseHTTPRequestHandler):
    """Serves ``files`` (URL path -> bytes); ``stall`` paths send headers and then nothing;
    ``get_status`` overrides the GET status (HEAD still says 200)."""

    files: ClassVar[dict[str, bytes]] = {}
    stall: ClassVar[set[str]] = set()
    get_status: ClassVar[dict[str, int]] = {}
    gets: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _head(self) -> bytes | None:
        body = self.files.get(self.path)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return body

    def do_HEAD(self) -> None:
        body = self._head()
        if body is not None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()

    def do_GET(self) -> None:
        self.gets.append(self.path)
        status = self.get_status.get(self.path)
        if status:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = self._head()
        if body is None:
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path in self.stall:
            self.wfile.write(body[:10])
            self.wfile.flush()
            time.sleep(3)
            return
        self.wfile.write(body)


@pytest.fixture()
def serve() -> Iterator[tuple[str, type[ReleaseServer]]]:
    handler = type("Handler", (ReleaseServer,), {"files": {}, "stall": set(),
                                                 "get_status": {}, "gets": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


PATTERN = "/db_{major}_{minor}_text.zip"


def test_candidates_and_urls() -> None:
    assert candidate_versions("29.3") == ["29.4", "29.5", "29.6", "30.0"]
    assert candidate_versions("29.3", minors_ahead=1) == ["29.4", "30.0"]
    assert candidate_versions(None) == ["30.1", "30.2", "30.3", "30.4", "31.0"]  # KNOWN_LATEST
    assert candidate_versions(None, 1, first="29.3") == ["29.3", "29.4", "30.0"]
    assert release_url("https://x/db_{major}_{minor}_text.zip", "30.1") == \
        "https://x/db_30_1_text.zip"
    with pytest.raises(Exception, match="Not an O\\*NET release version"):
        candidate_versions("latest")


def test_probe_lists_existing_versions(serve: tuple[str, type[ReleaseServer]]) -> None:
    url, handler = serve
    handler.files["/db_29_5_text.zip"] = b"x"
    handler.files["/db_30_0_text.zip"] = b"y"
    found = probe(candidate_versions("29.3"), url + PATTERN)
    assert [(c.version, c.url) for c in found] == [
        ("29.5", url + "/db_29_5_text.zip"), ("30.0", url + "/db_30_0_text.zip")]
    assert probe(["31.0"], url + PATTERN) == []


def test_find_newer_walks_on_from_what_it_finds(
        serve: tuple[str, type[ReleaseServer]]) -> None:
    url, handler = serve
    for version in ("29.4", "30.0", "30.2", "31.0"):
        major, minor = version.split(".")
        handler.files[f"/db_{major}_{minor}_text.zip"] = b"x"
    found = find_newer("29.3", url + PATTERN)
    assert [c.version for c in found] == ["29.4", "30.0", "30.2", "31.0"]
    assert found[-1].url == url + "/db_31_0_text.zip"
    # an empty store starts at start= (the release itself counts)
    assert [c.version for c in find_newer(None, url + PATTERN, start="30.2")] == ["30.2", "31.0"]
    assert find_newer("31.0", url + PATTERN) == []
    assert find_newer(None, url + PATTERN, start="32.0") == []


def test_download_verify_extract(tmp_path: Path, serve: tuple[str, type[ReleaseServer]]) -> None:
    url, handler = serve
    release = write_mini_release(tmp_path / "db_29_4_text", "29.4")
    archive = zip_release(release, tmp_path / "release.zip")
    handler.files["/db_29_4_text.zip"] = archive.read_bytes()
    got = download(url + "/db_29_4_text.zip", tmp_path / "dl" / "db_29_4_text.zip")
    assert got.size == archive.stat().st_size
    assert got.sha256 == file_sha256(archive) == file_sha256(got.path)
    members = verify_archive(got.path)
    assert "db_29_4_text/Knowledge.txt" in members
    root = extract_archive(got.path, tmp_path / "x")
    assert (root / "Occupation Data.txt").read_bytes() == \
        (release / "Occupation Data.txt").read_bytes()


def test_download_404_is_not_retried(tmp_path: Path,
                                     serve: tuple[str, type[ReleaseServer]]) -> None:
    url, handler = serve
    dest = tmp_path / "a.zip"
    with pytest.raises(DownloadError, match="HTTP 404: no such release"):
        download(url + "/db_29_9_text.zip", dest, sleep=lambda s: None)
    assert handler.gets == ["/db_29_9_text.zip"] and not dest.exists()


def test_download_retries_5xx_then_gives_up(tmp_path: Path,
                                            serve: tuple[str, type[ReleaseServer]]) -> None:
    url, handler = serve
    handler.files["/r.zip"] = b"abc"
    handler.get_status["/r.zip"] = 503
    slept: list[float] = []
    with pytest.raises(DownloadError, match=r"HTTP 503 \(gave up after 3 attempt"):
        download(url + "/r.zip", tmp_path / "r.zip", retries=2, sleep=slept.append)
    assert len(handler.gets) == 3 and slept == [2.0, 4.0]


def test_download_size_limit(tmp_path: Path, serve: tuple[str, type[ReleaseServer]]) -> None:
    url, handler = serve
    handler.files["/big.zip"] = b"0" * 5000
    with pytest.raises(DownloadError, match="over the limit of 1,000 bytes"):
        download(url + "/big.zip", tmp_path / "big.zip", max_bytes=1000)
    assert not (tmp_path / "big.zip").exists()
    assert not (tmp_path / "big.zip.part").exists()


def test_download_stall_times_out(tmp_path: Path, serve: tuple[str, type[ReleaseServer]]) -> None:
    url, handler = serve
    handler.files["/slow.zip"] = b"0" * 5000
    handler.stall.add("/slow.zip")
    started = time.perf_counter()
    with pytest.raises(DownloadError, match=r"timed out: no data for 0\.3 s"):
        download(url + "/slow.zip", tmp_path / "slow.zip", timeout=0.3, retries=1,
                 sleep=lambda s: None)
    assert time.perf_counter() - started < 2.5
    assert len(handler.gets) == 2
    assert not (tmp_path / "slow.zip").exists()


def test_verify_rejects_corrupt_and_incomplete(tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ReleaseError, match="not a zip archive"):
        verify_archive(junk)
    release = write_mini_release(tmp_path / "db_29_4_text", "29.4")
    partial = zip_release(release, tmp_path / "partial.zip", skip=("Knowledge", "Tools Used"))
    with pytest.raises(ReleaseError) as info:
        verify_archive(partial)
    assert {p.value for p in info.value.problems} == {"Knowledge.txt", "Tools Used.txt"}
    good = zip_release(release, tmp_path / "good.zip")
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("db_29_4_text/Knowledge.txt")
    data = bytearray(good.read_bytes())
    name_len = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    at = info.header_offset + 30 + name_len + extra_len + info.compress_size // 2
    data[at] ^= 0xFF  # one byte in the middle of Knowledge.txt's compressed data
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    with pytest.raises(ReleaseError, match=r"corrupt|CRC") as info2:
        verify_archive(damaged)
    assert "Knowledge" in str(info2.value)
