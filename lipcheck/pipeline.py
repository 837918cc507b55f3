"""The whole flow for one file: load -> validate -> check -> score, ending in a Report."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from lipcheck import engine, scoring
from lipcheck.checks import Context
from lipcheck.errors import LipcheckError
from lipcheck.findings import Finding, Message, Report, SectorCoverage, Verdict
from lipcheck.loader import Document, Limits, read_proposal
from lipcheck.model import SECTOR_CODES, Proposal
from lipcheck.packs import Pack, PackError, load_pack
from lipcheck.packs.registry import DEFAULT_PACK, unknown_hint
from lipcheck.paths import shown_path
from lipcheck.validation import validate


@dataclass
class Packs:
    """Packs by id, each loaded at most once per run; `forced` overrides each proposal's `call`."""

    forced: str | None = None
    loaded: dict[str, Pack] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, object]:
        # Worker processes started by spawn load packs afresh; modules do not pickle.
        return {"forced": self.forced, "loaded": {}}

    def get(self, name: str) -> Pack:
        """The pack `name`: the user's `--pack` may be a folder, a proposal's `call` only an id."""
        if name not in self.loaded:
            self.loaded[name] = load_pack(name, shipped_only=name != self.forced)
        return self.loaded[name]


def assess_file(
    path: str | os.PathLike[str], shown_as: str, packs: Packs, limits: Limits, today: dt.date
) -> Report:
    """Report on the proposal at `path`. Raises LipcheckError only when the file cannot be read."""
    document = read_proposal(path, limits)
    # The name every format shows: a file name that is not UTF-8 is escaped once, here.
    shown = shown_path(shown_as)
    return assess(document, shown, packs, today, folder=Path(os.path.dirname(path) or "."))  # noqa: PTH120


def assess(
    document: Document, shown_as: str, packs: Packs, today: dt.date, folder: Path | None = None
) -> Report:
    """Report on a loaded document (pure but for the evidence check's look at `folder`)."""
    default = packs.get(packs.forced or DEFAULT_PACK)
    if document.findings:
        return _invalid(shown_as, default, document.findings)
    proposal, findings = validate(document, today)
    if proposal is None:
        return _invalid(shown_as, default, findings)
    pack = default
    if packs.forced is None and proposal.call != default.id:
        try:
            pack = packs.get(proposal.call)
        except PackError:
            raise  # a shipped pack that is broken: lipcheck cannot run (exit 2), whatever the file
        except LipcheckError:
            unknown = Finding(
                "unknown-call",
                Message("unknown-call", {"call": proposal.call}),
                document.positions.value(("call",)),
                unknown_hint(shipped_only=True),
            )
            return _invalid(shown_as, default, (unknown,))
    results = scoring.scaled(engine.check(pack, proposal, document.positions, Context(folder, today)))
    earned, possible = scoring.points(results)
    return Report(
        path=shown_as,
        pack_id=pack.id,
        pack_version=pack.version,
        score=scoring.score(results),
        earned=earned,
        possible=possible,
        verdict=scoring.verdict(results, pack.thresholds),
        thresholds=_thresholds(pack),
        results=results,
        fixes=scoring.fixes_to_ready(results, pack.thresholds),
        notes=_notes(proposal, pack),
        title=proposal.title,
        coverage=coverage(pack, proposal),
        community=proposal.community.name if proposal.community else None,
        province=proposal.community.province if proposal.community else None,
    )


def _invalid(shown_as: str, pack: Pack, findings: tuple[Finding, ...]) -> Report:
    return Report(
        path=shown_as,
        pack_id=pack.id,
        pack_version=pack.version,
        score=None,
        verdict=Verdict.INVALID,
        thresholds=_thresholds(pack),
        findings=findings,
    )


def _thresholds(pack: Pack) -> dict[str, float]:
    return {"ready": pack.thresholds.ready, "nearly-ready": pack.thresholds.nearly_ready}


def _notes(proposal: Proposal, pack: Pack) -> tuple[Message, ...]:
    """What the reader should know: without `submitted`, the pack's dated rules judge as of today."""
    if proposal.submitted is None and pack.dated_rules:
        return (Message("note.no-submitted", {"rules": ", ".join(pack.dated_rules)}),)
    return ()


def coverage(pack: Pack, proposal: Proposal) -> tuple[SectorCoverage, ...]:
    """The sectors the pack's sector-coverage rules name, each with the members that carry it.

    Sectors on the council that no rule names follow, in the schema's order, so a report can
    show the whole council and not only what is scored.
    """
    carriers: dict[str, list[str]] = {}
    for member in proposal.council.members if proposal.council else []:
        for code in dict.fromkeys(member.codes):
            names = carriers.setdefault(code, [])
            if member.organization not in names:
                names.append(member.organization)
    named: list[SectorCoverage] = []
    listed: set[str] = set()
    for rule in pack.rules:
        if rule.kind != "sector_coverage":
            continue
        for code in getattr(rule.params, "sectors", ()):
            if code not in listed:
                listed.add(code)
                named.append(SectorCoverage(code, rule.id, tuple(carriers.get(code, ()))))
    rest = [
        SectorCoverage(code, None, tuple(carriers[code]))
        for code in SECTOR_CODES
        if code in carriers and code not in listed
    ]
    return (*named, *rest)
