"""The whole flow for one file: load -> validate -> check -> score, ending in a Report."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lipcheck import council_file, engine, scoring, waivers
from lipcheck.checks import Context
from lipcheck.codes import SECTOR_CODES
from lipcheck.compiled_schemas import Proposal
from lipcheck.errors import LipcheckError
from lipcheck.findings import Finding, Message, PlaceholderLeft, Report, RosterEntry, SectorCoverage, Verdict
from lipcheck.loader import Document, Limits, read_proposal
from lipcheck.packs import Pack, PackError, load_pack
from lipcheck.packs.registry import DEFAULT_PACK, unknown_hint
from lipcheck.paths import shown_path
from lipcheck.placeholders import filled_in
from lipcheck.run.config import ConfigError
from lipcheck.validation import dotted, validate

if TYPE_CHECKING:
    from lipcheck.run.config import Config
    from lipcheck.run.settings import Settings


@dataclass
class Packs:
    """Packs by id, each loaded at most once per run; `forced` overrides each proposal's `call`."""

    forced: str | None = None
    loaded: dict[str, Pack] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, object]:
        # Worker processes started by spawn load packs afresh; modules do not pickle.
        return {"forced": self.forced, "loaded": {}}

    def get(self, name: str, trusted: bool = False) -> Pack:
        """The pack `name`: `--pack` (or a config's pack, `trusted`) may be a folder, a `call` only an id."""
        if name not in self.loaded:
            self.loaded[name] = load_pack(name, shipped_only=not trusted and name != self.forced)
        return self.loaded[name]

    def by_id(self) -> dict[str, Pack]:
        """The packs loaded, by the id reports carry (`lip-2012+config` for a tuned one), and by name."""
        return {**self.loaded, **{pack.id: pack for pack in self.loaded.values()}}

    def tuned(self, pack: Pack, config: Config | None) -> Pack:
        """`pack` with the config's `rules` applied over it (once per pack and config); `pack`
        itself without a config or when the config tunes no rule."""
        if config is None or not config.tunes_rules:
            return pack
        key = f"{pack.id}+{config.path}"
        if key not in self.loaded:
            from lipcheck.packs import cache

            tuning = cache.tuning_of(config.document.data.get("rules"))
            tuned = cache.read(pack.folder, tuning)
            if tuned is None:
                from lipcheck.packs.compile import tune

                tuned, folders = tune(pack, config)
                cache.write(pack.folder, tuned, folders, tuning)
            self.loaded[key] = tuned
        return self.loaded[key]


def assess_file(
    path: str | os.PathLike[str],
    shown_as: str,
    packs: Packs,
    limits: Limits,
    today: dt.date,
    settings: Settings | None = None,
    brief: bool = False,
) -> Report:
    """Report on the proposal at `path`. Raises LipcheckError only when the file cannot be read."""
    document = read_proposal(path, limits, placed=not brief)
    # The name every format shows: a file name that is not UTF-8 is escaped once, here.
    shown = shown_path(shown_as)
    folder = Path(os.path.dirname(path) or ".")  # noqa: PTH120
    return assess(document, shown, packs, today, folder=folder, settings=settings, brief=brief)


def assess(
    document: Document,
    shown_as: str,
    packs: Packs,
    today: dt.date,
    folder: Path | None = None,
    settings: Settings | None = None,
    brief: bool = False,
) -> Report:
    """Report on a loaded document (pure but for the evidence check's look at `folder`).

    A `brief` report leaves out what only a full report shows (the council roster, the sector
    coverage, the fixes to `ready`, where each result and each of its own waivers points): for
    `validate -q`, whose one line per file needs the verdict, the score and the results the gate
    reads, over thousands of files.
    """
    forced = settings.pack if settings is not None else packs.forced
    config = settings.config if settings is not None else None
    default_call = (settings.default_call if settings is not None else None) or DEFAULT_PACK

    def default() -> Pack:
        """The pack of a proposal that names no other: loaded only when a report needs it."""
        pack = packs.get(forced or default_call, trusted=forced is not None)
        return packs.tuned(pack, config)

    if document.findings:
        return _invalid(shown_as, default(), document.findings, config)
    document, left = filled_in(document)
    document, unreadable = council_file.joined(document, folder, shown_as)
    if unreadable:
        return _invalid(shown_as, default(), unreadable, config)
    placeholders = tuple(PlaceholderLeft(dotted(spot.path), spot.location) for spot in left)
    proposal, findings = validate(document, today, tuple(spot.path for spot in left))
    if proposal is None:
        return _invalid(shown_as, default(), findings, config)
    call = proposal.call if isinstance(document.data, dict) and "call" in document.data else default_call
    # A call is a shipped pack's id (the format says so), and a shipped pack's id is its name.
    if forced is not None or call == default_call:
        pack = default()
    else:
        try:
            pack = packs.get(call)
        except PackError:
            raise  # a shipped pack that is broken: lipcheck cannot run (exit 2), whatever the file
        except LipcheckError:
            unknown = Finding(
                "unknown-call",
                Message("unknown-call", {"call": call}),
                document.positions.value(("call",)),
                unknown_hint(shipped_only=True),
            )
            return _invalid(shown_as, default(), (unknown,), config)
        pack = packs.tuned(pack, config)
    # A brief report shows no place (see above): its own waivers are placed only to refuse them.
    specs = _waivers(proposal, document, shown_as, settings, placed=not brief)
    strays = waivers.unknown_rules(specs, pack.rule_ids) if specs else []
    if strays and brief:
        strays = waivers.unknown_rules(_waivers(proposal, document, shown_as, settings), pack.rule_ids)
    if strays:
        refused = _unknown_waivers(strays, pack)
        if any(spec.in_config for spec in strays):
            assert config is not None
            raise ConfigError(config.shown, refused)
        return _invalid(shown_as, default(), refused, config)
    context = Context(folder, today)
    # The results are made once, scaled as they count once the waivers in force are applied.
    checked = engine.check(
        pack,
        proposal,
        document.positions,
        context,
        scaled=True,
        located=not brief,
        waiving=waivers.in_force(specs, today),
    )
    waived = waivers.apply(checked, specs, today) if specs else waivers.Waived(checked, (), ())
    results = waived.results
    counted = scoring.tally(results)
    without_waivers = scoring.tally(checked) if waived.applied else counted
    return Report(
        path=shown_as,
        pack_id=pack.id,
        pack_version=pack.version,
        score=counted.score,
        earned=counted.earned,
        possible=counted.possible,
        verdict=counted.verdict(pack.thresholds),
        thresholds=_thresholds(pack),
        results=results,
        fixes=() if brief else scoring.fixes_to_ready(results, pack.thresholds, counted),
        notes=_notes(proposal, pack),
        title=proposal.title,
        coverage=() if brief else coverage(pack, proposal),
        community=proposal.community.name if proposal.community else None,
        province=proposal.community.province if proposal.community else None,
        score_without_waivers=without_waivers.score,
        ineligible_without_waivers=tuple(
            rule for rule in without_waivers.blockers if rule not in counted.blockers
        ),
        waivers=waived.uses,
        warnings_found=waived.warnings,
        config=config.shown if config is not None else None,
        roster=() if brief else roster(proposal, document),
        placeholders=placeholders,
        applicant=proposal.applicant.name if proposal.applicant else None,
        submitted=proposal.submitted.isoformat() if proposal.submitted else None,
    )


def _waivers(
    proposal: Proposal, document: Document, shown_as: str, settings: Settings | None, placed: bool = True
) -> list[waivers.WaiverSpec]:
    """The proposal's own waivers (located in it, when `placed`), then its config's that take the file in."""
    at = document.positions
    specs = [
        waivers.WaiverSpec(
            w.rule,
            w.reason,
            w.owner,
            w.expires,
            shown_as,
            at.key(("waivers", index)) if placed else None,
            at.value(("waivers", index, "rule")) if placed else None,
        )
        for index, w in enumerate(proposal.waivers)
    ]
    if settings is not None:
        specs += settings.waivers
    return specs


def _unknown_waivers(unknown: list[waivers.WaiverSpec], pack: Pack) -> tuple[Finding, ...]:
    """Each waiver of a rule the pack does not have, located at its `rule` (in proposal or config)."""
    return tuple(
        Finding(
            "waiver-unknown-rule",
            Message("waiver.unknown-rule", {"rule": spec.rule, "pack": pack.id}),
            spec.rule_at,
            Message("hint.waiver-rule", {"pack": pack.id}),
        )
        for spec in unknown
    )


def _invalid(
    shown_as: str, pack: Pack, findings: tuple[Finding, ...], config: Config | None = None
) -> Report:
    return Report(
        path=shown_as,
        pack_id=pack.id,
        pack_version=pack.version,
        score=None,
        verdict=Verdict.INVALID,
        thresholds=_thresholds(pack),
        findings=findings,
        config=config.shown if config is not None else None,
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
    inferred: dict[str, list[str]] = {}
    for member in proposal.council.members if proposal.council else []:
        for code in dict.fromkeys(member.codes):
            names = carriers.setdefault(code, [])
            if member.organization not in names:
                names.append(member.organization)
                if member.inferred:
                    inferred.setdefault(code, []).append(member.organization)
    named: list[SectorCoverage] = []
    listed: set[str] = set()
    for rule in pack.rules:
        if rule.kind != "sector_coverage":
            continue
        for code in getattr(rule.params, "sectors", ()):
            if code not in listed:
                listed.add(code)
                named.append(
                    SectorCoverage(
                        code, rule.id, tuple(carriers.get(code, ())), tuple(inferred.get(code, ()))
                    )
                )
    rest = [
        SectorCoverage(code, None, tuple(carriers[code]), tuple(inferred.get(code, ())))
        for code in SECTOR_CODES
        if code in carriers and code not in listed
    ]
    return (*named, *rest)


def roster(proposal: Proposal, document: Document) -> tuple[RosterEntry, ...]:
    """The council's members for the report, each with where it is written."""
    members = proposal.council.members if proposal.council else []
    return tuple(
        RosterEntry(
            organization=member.organization,
            sectors=member.codes,
            inferred=member.inferred,
            role=member.role,
            representative=member.representative,
            location=document.positions.value(("council", "members", index)),
        )
        for index, member in enumerate(members)
    )
