"""The loader keeps what the user wrote: positions, scalars as written, and problems as findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from lipcheck.errors import LipcheckError
from lipcheck.findings import Location
from lipcheck.loader import Limits, load_bytes, load_text, read_proposal
from lipcheck.messages import render


def codes(text: str, limits: Limits | None = None) -> list[str]:
    return [finding.code for finding in load_text(text, limits or Limits()).findings]


class TestPositions:
    def test_every_value_and_key_has_its_line_and_column(self) -> None:
        document = load_text("lipcheck: 1\ncouncil:\n  members:\n    - organization: City of Guelph\n")
        assert document.positions.value(("lipcheck",)) == Location(1, 11)
        assert document.positions.key(("council",)) == Location(2, 1)
        assert document.positions.value(("council", "members", 0)) == Location(4, 7)
        assert document.positions.value(("council", "members", 0, "organization")) == Location(4, 21)

    def test_a_missing_path_points_at_the_nearest_section_that_exists(self) -> None:
        document = load_text("lipcheck: 1\nplan:\n  mission: x\n")
        assert document.positions.value(("plan", "gap_analysis")) == Location(3, 3)
        assert document.positions.value(("nowhere", "at", "all")) == Location(1, 1)


class TestScalarsKeepTheirWrittenMeaning:
    @pytest.mark.parametrize(
        ("written", "loaded"),
        [
            ("yes", "yes"),
            ("no", "no"),
            ("on", "on"),
            ("off", "off"),
            ("ON", "ON"),
            ("NO", "NO"),
            ("1:30", "1:30"),
            ("0755", "0755"),
            ("1_000", "1_000"),
            ("2012-03-15", "2012-03-15"),
            ("0x1F", "0x1F"),
            (".inf", ".inf"),
            ("true", True),
            ("false", False),
            ("83517", 83517),
            ("-4", -4),
            ("0", 0),
            ("1.5", 1.5),
            ("1e3", 1000.0),
            ("~", None),
            ("null", None),
            ("", None),
            ('"123"', "123"),
            ("'true'", "true"),
        ],
    )
    def test_scalar(self, written: str, loaded: object) -> None:
        value = load_text(f"value: {written}\n").data["value"]
        assert value == loaded
        assert type(value) is type(loaded)

    def test_explicit_core_tags_are_honoured(self) -> None:
        data = load_text("a: !!str 12\nb: !!int 7\nc: !!float 2\nd: !!bool true\ne: !!null ~\n").data
        assert data == {"a": "12", "b": 7, "c": 2.0, "d": True, "e": None}

    def test_a_core_tag_that_does_not_fit_its_value_is_a_finding(self) -> None:
        assert codes("a: !!int seven\n") == ["tag-mismatch"]


class TestDuplicateKeys:
    def test_named_with_both_lines(self) -> None:
        finding = load_text("lipcheck: 1\ntitle: x\ntitle: y\n").findings[0]
        assert finding.code == "duplicate-key"
        assert finding.location == Location(3, 1)
        assert "lines 2 and 3" in render(finding.message)

    def test_found_at_every_level(self) -> None:
        text = "a:\n  b:\n    - c: 1\n      c: 2\n  b2: 1\n  b2: 2\n"
        assert codes(text) == ["duplicate-key", "duplicate-key"]


class TestOnlySafeConstructsLoad:
    @pytest.mark.parametrize(
        "tagged",
        [
            "!!python/object/apply:os.system ['echo hacked']",
            "!!python/name:os.system",
            "!!python/object:builtins.dict {}",
            "!!binary aGVsbG8=",
            "!!set {a, b}",
            "!!omap [a: 1]",
            "!custom thing",
            "!!timestamp 2012-01-01",
        ],
    )
    def test_non_core_tags_are_refused_with_their_location(self, tagged: str) -> None:
        finding = load_text(f"lipcheck: 1\ntitle: {tagged}\n").findings[0]
        assert finding.code == "unsafe-tag"
        assert finding.location == Location(2, 8)

    def test_nothing_is_executed(self, tmp_path: Path) -> None:
        marker = tmp_path / "ran"
        load_text(f"a: !!python/object/apply:pathlib.Path.touch [{str(marker)!r}]\n")
        assert not marker.exists()

    def test_merge_keys_are_refused(self) -> None:
        assert codes("base: &b {x: 1}\nother:\n  <<: *b\n") == ["merge-key"]

    def test_an_anchor_that_contains_itself_is_refused(self) -> None:
        assert codes("a: &x [1, *x]\n") in (["alias-cycle"], ["yaml-syntax"])

    def test_aliases_expand_within_limits(self) -> None:
        data = load_text("a: &x [1, 2]\nb: *x\n").data
        assert data == {"a": [1, 2], "b": [1, 2]}

    def test_an_alias_bomb_stops_at_the_alias_limit(self) -> None:
        bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
        )
        assert codes(bomb) == ["limit-aliases"]

    def test_node_limit(self) -> None:
        assert codes("a: [1, 2, 3, 4, 5]\n", Limits(max_nodes=4)) == ["limit-nodes"]

    def test_depth_limit(self) -> None:
        assert codes("a: [[[[1]]]]\n", Limits(max_depth=3)) == ["limit-depth"]


class TestEncoding:
    def test_utf8_with_bom_loads(self) -> None:
        assert load_bytes("\ufefftitle: Montréal\n".encode()).data == {"title": "Montréal"}

    def test_crlf_line_endings_load(self) -> None:
        document = load_bytes(b"lipcheck: 1\r\ntitle: x\r\n")
        assert document.data == {"lipcheck": 1, "title": "x"}
        assert document.positions.value(("title",)) == Location(2, 8)

    def test_invalid_utf8_names_line_and_column(self) -> None:
        finding = load_bytes(b"lipcheck: 1\ntitle: caf\xe9\n").findings[0]
        assert finding.code == "encoding-invalid"
        assert finding.location == Location(2, 11)

    def test_utf16_is_a_clear_error(self) -> None:
        finding = load_bytes("lipcheck: 1\n".encode("utf-16")).findings[0]
        assert finding.code == "encoding-utf16"

    def test_nul_bytes_are_refused(self) -> None:
        assert load_bytes(b"a: 1\nb: x\x00y\n").findings[0].location == Location(2, 5)


class TestSyntax:
    def test_unclosed_quote_names_where_it_opened(self) -> None:
        finding = load_text('lipcheck: 1\ntitle: "unclosed\n').findings[0]
        assert finding.code == "yaml-syntax"
        assert "line 2" in render(finding.hint) if finding.hint else False

    def test_tabs_get_a_hint(self) -> None:
        finding = load_text("a:\n\tb: 1\n").findings[0]
        assert finding.hint is not None and "spaces" in render(finding.hint)

    def test_empty_and_comment_only_files(self) -> None:
        assert codes("") == ["empty"]
        assert codes("# nothing here\n") == ["empty"]

    def test_several_documents_are_refused(self) -> None:
        assert codes("a: 1\n---\nb: 2\n") == ["yaml-syntax"]


class TestReadingFiles:
    def test_missing_file_is_lipchecks_error(self, tmp_path: Path) -> None:
        with pytest.raises(LipcheckError) as caught:
            read_proposal(tmp_path / "absent.yaml")
        assert caught.value.message.id == "input.missing"

    def test_directory(self, tmp_path: Path) -> None:
        with pytest.raises(LipcheckError) as caught:
            read_proposal(tmp_path)
        assert caught.value.message.id == "input.directory"

    def test_fifo_is_refused_without_blocking(self, tmp_path: Path) -> None:
        import os

        fifo = tmp_path / "pipe.yaml"
        os.mkfifo(fifo)
        with pytest.raises(LipcheckError) as caught:
            read_proposal(fifo)
        assert caught.value.message.id == "input.not-regular"

    def test_oversized_file_is_a_finding_without_reading_it(self, tmp_path: Path) -> None:
        big = tmp_path / "big.yaml"
        big.write_bytes(b"a: " + b"x" * 2000 + b"\n")
        document = read_proposal(big, Limits(max_bytes=1000))
        assert [f.code for f in document.findings] == ["limit-file-size"]


class TestWhereAFileLeads:
    """A proposal read from the working folder may not lead, through a symlink, out of it.

    The file is asked where it leads once open (the system names the file a handle holds), before
    a byte of it is read; a file on another file system (/proc, /sys) is judged by its path before
    it is even opened; without /proc the path is resolved step by step, as before.
    """

    @pytest.fixture
    def inside(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        (tmp_path / "inside").mkdir()
        (tmp_path / "outside").mkdir()
        (tmp_path / "outside" / "secret.yaml").write_text("lipcheck: 1\ntitle: secret\n", encoding="utf-8")
        (tmp_path / "inside" / "real").mkdir()
        (tmp_path / "inside" / "real" / "p.yaml").write_text("lipcheck: 1\ntitle: ours\n", encoding="utf-8")
        (tmp_path / "inside" / "out.yaml").symlink_to(tmp_path / "outside" / "secret.yaml")
        (tmp_path / "inside" / "linked").symlink_to("real")
        (tmp_path / "inside" / "away").symlink_to(tmp_path / "outside")
        monkeypatch.chdir(tmp_path / "inside")
        return tmp_path

    @staticmethod
    def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
        """The calls that open or read a file from here on, by name."""
        import os

        calls: list[str] = []
        real_open, real_read = os.open, os.read

        def opening(path: str, *args: int) -> int:
            calls.append(f"open {os.fsdecode(path)}")
            return real_open(path, *args)

        def reading(handle: int, size: int) -> bytes:
            calls.append("read")
            return real_read(handle, size)

        monkeypatch.setattr(os, "open", opening)
        monkeypatch.setattr(os, "read", reading)
        return calls

    @pytest.mark.parametrize("name", ["out.yaml", "away/secret.yaml"])
    def test_a_link_out_of_the_folder_is_refused_before_a_byte_is_read(
        self, inside: Path, name: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls = self.reads(monkeypatch)
        with pytest.raises(LipcheckError) as caught:
            read_proposal(name)
        assert caught.value.message.id == "input.symlink-outside"
        assert "read" not in calls

    @pytest.mark.parametrize("name", ["out.yaml", "away/secret.yaml"])
    def test_a_file_on_another_file_system_is_judged_before_it_is_opened(
        self, inside: Path, name: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import lipcheck.loader

        monkeypatch.setattr(lipcheck.loader, "on_working_device", lambda seen: False)
        calls = self.reads(monkeypatch)
        with pytest.raises(LipcheckError) as caught:
            read_proposal(name)
        assert caught.value.message.id == "input.symlink-outside"
        assert calls == []

    @pytest.mark.parametrize("proc", [True, False], ids=["with /proc", "without /proc"])
    def test_links_inside_the_folder_read_and_links_out_do_not(
        self, inside: Path, proc: bool, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import lipcheck.paths

        if not proc:
            readlink = lipcheck.paths.os.readlink

            def no_proc(path: str) -> str:
                if path.startswith("/proc/self/fd/"):
                    raise FileNotFoundError(path)
                return readlink(path)

            monkeypatch.setattr(lipcheck.paths.os, "readlink", no_proc)
        assert read_proposal("linked/p.yaml").data == {"lipcheck": 1, "title": "ours"}
        assert read_proposal("real/p.yaml").data == {"lipcheck": 1, "title": "ours"}
        for name in ("out.yaml", "away/secret.yaml"):
            with pytest.raises(LipcheckError) as caught:
                read_proposal(name)
            assert caught.value.message.id == "input.symlink-outside"

    def test_a_file_named_outside_the_working_folder_is_read(self, inside: Path) -> None:
        assert read_proposal(inside / "outside" / "secret.yaml").data == {"lipcheck": 1, "title": "secret"}

    def test_follow_symlinks_reads_a_link_out(self, inside: Path) -> None:
        document = read_proposal("out.yaml", Limits(follow_symlinks=True))
        assert document.data == {"lipcheck": 1, "title": "secret"}
