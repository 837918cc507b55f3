from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_reports = resolve('reports')
    l_0_lang = resolve('lang')
    l_0_t = resolve('t')
    l_0_single = l_0_top = missing
    try:
        t_1 = environment.filters['css_string']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'css_string' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_4 = environment.filters['sentence']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'sentence' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_single = (t_2((undefined(name='reports') if l_0_reports is missing else l_0_reports)) == 1)
    context.vars['single'] = l_0_single
    context.exported_vars.add('single')
    l_0_top = (1 if (undefined(name='single') if l_0_single is missing else l_0_single) else 2)
    context.vars['top'] = l_0_top
    context.exported_vars.add('top')
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; base-uri \'none\'; form-action \'none\'">\n<meta name="generator" content="lipcheck">\n<title>'
    if (undefined(name='single') if l_0_single is missing else l_0_single):
        pass
        yield escape(environment.getattr(environment.getitem((undefined(name='reports') if l_0_reports is missing else l_0_reports), 0), 'title'))
        yield ' · '
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.title'))
    else:
        pass
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.page-title'))
    yield '</title>\n<style>\n'
    template = environment.get_template('report.css', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'single': l_0_single, 'top': l_0_top}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n@page { @bottom-left { content: '
    yield escape(t_3((environment.getattr(environment.getitem((undefined(name='reports') if l_0_reports is missing else l_0_reports), 0), 'footer') if (undefined(name='single') if l_0_single is missing else l_0_single) else t_1(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.page-title')))))
    yield '; } @bottom-right { content: counter(page) " / " counter(pages); } }\n</style>\n</head>\n<body>\n'
    if (not (undefined(name='single') if l_0_single is missing else l_0_single)):
        pass
        yield '<header class="page-header">\n  <h1>'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.page-title'))
        yield '</h1>\n  <nav aria-labelledby="contents-heading">\n    <h2 id="contents-heading" class="contents-heading">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.contents'))
        yield '</h2>\n    <ol class="contents">\n'
        for l_1_report in (undefined(name='reports') if l_0_reports is missing else l_0_reports):
            _loop_vars = {}
            pass
            yield '      <li><a href="#'
            yield escape(environment.getattr(l_1_report, 'id'))
            yield '">'
            yield escape(environment.getattr(l_1_report, 'title'))
            yield '</a> <span class="path">'
            yield escape(environment.getattr(l_1_report, 'path'))
            yield '</span> <span class="chip verdict-'
            yield escape(environment.getattr(l_1_report, 'verdict'))
            yield '"><span aria-hidden="true">'
            yield escape(environment.getattr(l_1_report, 'verdict_mark'))
            yield '</span> '
            yield escape(environment.getattr(l_1_report, 'verdict_label'))
            yield '</span> '
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.score-of', score=environment.getattr(l_1_report, 'score'), _loop_vars=_loop_vars))
            yield '</li>\n'
        l_1_report = missing
        yield '    </ol>\n  </nav>\n</header>\n'
    yield '<main>\n'
    for l_1_report in (undefined(name='reports') if l_0_reports is missing else l_0_reports):
        l_1_sep = resolve('sep')
        _loop_vars = {}
        pass
        yield '<article class="report" id="'
        yield escape(environment.getattr(l_1_report, 'id'))
        yield '" aria-labelledby="'
        yield escape(environment.getattr(l_1_report, 'id'))
        yield '-title">\n  <header class="report-header">\n    <p class="kicker">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.title', _loop_vars=_loop_vars))
        yield '</p>\n    <h'
        yield escape((undefined(name='top') if l_0_top is missing else l_0_top))
        yield ' id="'
        yield escape(environment.getattr(l_1_report, 'id'))
        yield '-title">'
        yield escape(environment.getattr(l_1_report, 'title'))
        yield '</h'
        yield escape((undefined(name='top') if l_0_top is missing else l_0_top))
        yield '>\n    <dl class="meta">\n      <div><dt>'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.community', _loop_vars=_loop_vars))
        yield '</dt><dd>'
        yield escape((environment.getattr(l_1_report, 'community') or context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.not-given', _loop_vars=_loop_vars)))
        yield '</dd></div>\n      <div><dt>'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.applicant', _loop_vars=_loop_vars))
        yield '</dt><dd>'
        yield escape((environment.getattr(l_1_report, 'applicant') or context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.not-given', _loop_vars=_loop_vars)))
        yield '</dd></div>\n      <div><dt>'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.pack', _loop_vars=_loop_vars))
        yield '</dt><dd>'
        yield escape(environment.getattr(l_1_report, 'pack'))
        yield '</dd></div>\n      <div><dt>'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.submitted', _loop_vars=_loop_vars))
        yield '</dt><dd>'
        yield escape((environment.getattr(l_1_report, 'submitted') or context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.not-given', _loop_vars=_loop_vars)))
        yield '</dd></div>\n      <div><dt>'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.file', _loop_vars=_loop_vars))
        yield '</dt><dd><code>'
        yield escape(environment.getattr(l_1_report, 'path'))
        yield '</code></dd></div>\n    </dl>\n  </header>\n\n  <section class="summary">\n    <h'
        yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
        yield ' id="'
        yield escape(environment.getattr(l_1_report, 'id'))
        yield '-summary">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.summary', _loop_vars=_loop_vars))
        yield '</h'
        yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
        yield '>\n    <div class="headline">\n      <p class="score"><span class="score-label">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'report.score', _loop_vars=_loop_vars))
        yield '</span> <strong class="score-value">'
        yield escape(environment.getattr(l_1_report, 'score'))
        yield '</strong><span class="score-of"> / 100</span>'
        if environment.getattr(l_1_report, 'points'):
            pass
            yield ' <span class="score-points">('
            yield escape(environment.getattr(l_1_report, 'points'))
            yield ')</span>'
        yield '</p>\n      <p class="verdict verdict-'
        yield escape(environment.getattr(l_1_report, 'verdict'))
        yield '"><span class="mark" aria-hidden="true">'
        yield escape(environment.getattr(l_1_report, 'verdict_mark'))
        yield '</span> <span class="verdict-label">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'report.verdict', _loop_vars=_loop_vars))
        yield escape((undefined(name='sep') if l_1_sep is missing else l_1_sep))
        yield '</span> <strong>'
        yield escape(environment.getattr(l_1_report, 'verdict_label'))
        yield '</strong></p>\n    </div>\n'
        if (not t_5(environment.getattr(l_1_report, 'without_waivers'))):
            pass
            yield '    <p class="without-waivers"><strong>'
            yield escape(t_4(environment.getattr(l_1_report, 'without_waivers')))
            yield '</strong></p>\n'
        if (not t_5(environment.getattr(l_1_report, 'config'))):
            pass
            yield '    <p class="config">'
            yield escape(t_4(environment.getattr(l_1_report, 'config')))
            yield ' ('
            yield escape(environment.getattr(l_1_report, 'pack_id'))
            yield ')</p>\n'
        if (not t_5(environment.getattr(l_1_report, 'gate'))):
            pass
            yield '    <p class="gate gate-'
            yield escape(('pass' if environment.getattr(l_1_report, 'gate_passed') else 'fail'))
            yield '"><span class="gate-label">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'gate.heading', _loop_vars=_loop_vars))
            yield escape((undefined(name='sep') if l_1_sep is missing else l_1_sep))
            yield '</span> <strong>'
            yield escape(environment.getattr(l_1_report, 'gate'))
            yield '</strong></p>\n'
        if (not t_5(environment.getattr(l_1_report, 'score_percent'))):
            pass
            yield '    <div class="gauge" role="img" aria-label="'
            yield escape(environment.getattr(l_1_report, 'gauge_label'))
            yield '">\n      <div class="gauge-track">\n        <div class="gauge-fill verdict-'
            yield escape(environment.getattr(l_1_report, 'verdict'))
            yield '" style="width: '
            yield escape(environment.getattr(l_1_report, 'score_percent'))
            yield '%"></div>\n        <div class="gauge-tick" style="left: '
            yield escape(environment.getattr(l_1_report, 'nearly_percent'))
            yield '%"></div>\n        <div class="gauge-tick" style="left: '
            yield escape(environment.getattr(l_1_report, 'ready_percent'))
            yield '%"></div>\n      </div>\n      <div class="gauge-scale" aria-hidden="true">\n        <span class="gauge-mark" style="left: '
            yield escape(environment.getattr(l_1_report, 'nearly_percent'))
            yield '%">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.gauge.nearly', points=environment.getattr(l_1_report, 'nearly_ready'), _loop_vars=_loop_vars))
            yield '</span>\n        <span class="gauge-mark" style="left: '
            yield escape(environment.getattr(l_1_report, 'ready_percent'))
            yield '%">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.gauge.ready', points=environment.getattr(l_1_report, 'ready'), _loop_vars=_loop_vars))
            yield '</span>\n      </div>\n    </div>\n'
        if environment.getattr(l_1_report, 'to_ready'):
            pass
            yield '    <p class="to-ready">'
            yield escape(t_4(environment.getattr(l_1_report, 'to_ready')))
            yield '</p>\n'
        if environment.getattr(l_1_report, 'findings'):
            pass
            yield '    <h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
            yield '>'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.findings', _loop_vars=_loop_vars))
            yield '</h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
            yield '>\n    <p>'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'report.invalid', count=t_2(environment.getattr(l_1_report, 'findings')), _loop_vars=_loop_vars))
            yield '</p>\n    <ol class="findings">\n'
            for l_2_finding in environment.getattr(l_1_report, 'findings'):
                _loop_vars = {}
                pass
                yield '      <li><span class="where">'
                yield escape(environment.getattr(l_2_finding, 'where'))
                yield '</span> '
                yield escape(t_4(environment.getattr(l_2_finding, 'message')))
                if environment.getattr(l_2_finding, 'hint'):
                    pass
                    yield '<br><span class="hint">'
                    yield escape(t_4(environment.getattr(l_2_finding, 'hint')))
                    yield '</span>'
                yield '</li>\n'
            l_2_finding = missing
            yield '    </ol>\n'
        elif environment.getattr(l_1_report, 'fixes'):
            pass
            yield '    <h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
            yield '>'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.biggest-fixes', _loop_vars=_loop_vars))
            yield '</h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
            yield '>\n    <ol class="fixes">\n'
            for l_2_fix in environment.getattr(l_1_report, 'fixes'):
                _loop_vars = {}
                pass
                yield '      <li class="fix'
                if environment.getattr(l_2_fix, 'blocker'):
                    pass
                    yield ' fix-blocker'
                yield '">\n        <p class="fix-head"><span class="gain">'
                yield escape(environment.getattr(l_2_fix, 'gain'))
                yield '</span> <a href="#'
                yield escape(environment.getattr(l_2_fix, 'anchor'))
                yield '"><strong>'
                yield escape(environment.getattr(l_2_fix, 'rule'))
                yield '</strong> '
                yield escape(environment.getattr(l_2_fix, 'title'))
                yield '</a></p>\n        <p class="fix-found">'
                yield escape(t_4(environment.getattr(l_2_fix, 'found')))
                yield '</p>\n'
                if environment.getattr(l_2_fix, 'missing'):
                    pass
                    yield '        <ul class="fix-missing">'
                    for (l_3_words, l_3_code) in environment.getattr(l_2_fix, 'missing'):
                        _loop_vars = {}
                        pass
                        yield '<li>'
                        yield escape(l_3_words)
                        if (l_3_words != l_3_code):
                            pass
                            yield ' <code class="path">'
                            yield escape(l_3_code)
                            yield '</code>'
                        yield '</li>'
                    l_3_words = l_3_code = missing
                    yield '</ul>\n'
                yield '        <p class="fix-how">'
                yield escape(t_4(environment.getattr(l_2_fix, 'remediation')))
                yield '</p>\n      </li>\n'
            l_2_fix = missing
            yield '    </ol>\n'
        elif environment.getattr(l_1_report, 'rules'):
            pass
            yield '    <p>'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.no-fixes', _loop_vars=_loop_vars))
            yield '</p>\n'
        if environment.getattr(l_1_report, 'warnings'):
            pass
            yield '    <h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
            yield '>'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'report.warnings', _loop_vars=_loop_vars))
            yield '</h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
            yield '>\n    <ul class="warnings">\n'
            for (l_2_rule, l_2_message) in environment.getattr(l_1_report, 'warnings'):
                _loop_vars = {}
                pass
                yield '      <li><strong>'
                yield escape(l_2_rule)
                yield '</strong> '
                yield escape(t_4(l_2_message))
                yield '</li>\n'
            l_2_rule = l_2_message = missing
            yield '    </ul>\n'
        if environment.getattr(l_1_report, 'placeholders'):
            pass
            yield '    <h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
            yield '>'
            yield escape(environment.getattr(l_1_report, 'placeholders_heading'))
            yield '</h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
            yield '>\n    <ul class="placeholders">\n'
            for (l_2_words, l_2_code, l_2_where) in environment.getattr(l_1_report, 'placeholders'):
                _loop_vars = {}
                pass
                yield '      <li>'
                yield escape(l_2_words)
                if (l_2_words != l_2_code):
                    pass
                    yield ' <code class="path">'
                    yield escape(l_2_code)
                    yield '</code>'
                yield ' <span class="where">'
                yield escape(l_2_where)
                yield '</span></li>\n'
            l_2_words = l_2_code = l_2_where = missing
            yield '    </ul>\n'
        yield '  </section>\n\n'
        if environment.getattr(l_1_report, 'coverage'):
            pass
            yield '  <section class="coverage">\n    <h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield ' id="'
            yield escape(environment.getattr(l_1_report, 'id'))
            yield '-coverage">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.coverage', _loop_vars=_loop_vars))
            yield '</h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield '>\n'
            if (not environment.getattr(l_1_report, 'has_council')):
                pass
                yield '    <p>'
                yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.coverage.none', _loop_vars=_loop_vars))
                yield '</p>\n'
            yield '    <p class="intro">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.coverage.intro', _loop_vars=_loop_vars))
            yield '</p>\n'
            for l_2_group in environment.getattr(l_1_report, 'coverage'):
                _loop_vars = {}
                pass
                yield '    <div class="sector-group">\n      <h'
                yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
                yield '>'
                yield escape(environment.getattr(l_2_group, 'heading'))
                yield '</h'
                yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
                yield '>\n'
                if environment.getattr(l_2_group, 'title'):
                    pass
                    yield '<p class="group-title">'
                    yield escape(environment.getattr(l_2_group, 'title'))
                    yield '</p>'
                yield '      <ul class="sectors">\n'
                for l_3_sector in environment.getattr(l_2_group, 'sectors'):
                    _loop_vars = {}
                    pass
                    yield '        <li class="sector '
                    yield escape(('covered' if environment.getattr(l_3_sector, 'covered') else 'uncovered'))
                    yield '">\n          <span class="sector-state"><span aria-hidden="true">'
                    yield escape(('✓' if environment.getattr(l_3_sector, 'covered') else '✗'))
                    yield '</span> '
                    yield escape((context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.covered', _loop_vars=_loop_vars) if environment.getattr(l_3_sector, 'covered') else context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.not-covered', _loop_vars=_loop_vars)))
                    yield '</span>\n          <strong class="sector-name">'
                    yield escape(environment.getattr(l_3_sector, 'label'))
                    yield '</strong>\n'
                    if environment.getattr(l_3_sector, 'members'):
                        pass
                        yield '          <ul class="members">\n'
                        for (l_4_member, l_4_inferred) in environment.getattr(l_3_sector, 'members'):
                            _loop_vars = {}
                            pass
                            yield '            <li>'
                            yield escape(l_4_member)
                            if l_4_inferred:
                                pass
                                yield ' <span class="inferred">('
                                yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.inferred', _loop_vars=_loop_vars))
                                yield ')</span>'
                            yield '</li>\n'
                        l_4_member = l_4_inferred = missing
                        yield '          </ul>\n'
                    yield '        </li>\n'
                l_3_sector = missing
                yield '      </ul>\n    </div>\n'
            l_2_group = missing
            yield '  </section>\n'
        yield '\n'
        if environment.getattr(l_1_report, 'roster'):
            pass
            yield '  <section class="roster">\n    <h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield ' id="'
            yield escape(environment.getattr(l_1_report, 'id'))
            yield '-roster">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.roster', _loop_vars=_loop_vars))
            yield '</h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield '>\n    <table class="roster-table">\n      <thead>\n        <tr>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.organization', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.sectors', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.role', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.representative', _loop_vars=_loop_vars))
            yield '</th>\n        </tr>\n      </thead>\n      <tbody>\n'
            for (l_2_organization, l_2_sectors, l_2_inferred, l_2_role, l_2_representative) in environment.getattr(l_1_report, 'roster'):
                _loop_vars = {}
                pass
                yield '        <tr>\n          <th scope="row">'
                yield escape(l_2_organization)
                yield '</th>\n          <td>'
                yield escape(l_2_sectors)
                if l_2_inferred:
                    pass
                    yield ' <span class="inferred">('
                    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.inferred', _loop_vars=_loop_vars))
                    yield ')</span>'
                yield '</td>\n          <td>'
                yield escape(l_2_role)
                yield '</td>\n          <td>'
                yield escape(l_2_representative)
                yield '</td>\n        </tr>\n'
            l_2_organization = l_2_sectors = l_2_inferred = l_2_role = l_2_representative = missing
            yield '      </tbody>\n    </table>\n  </section>\n'
        yield '\n'
        if environment.getattr(l_1_report, 'rules'):
            pass
            yield '  <section class="rules">\n    <h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield ' id="'
            yield escape(environment.getattr(l_1_report, 'id'))
            yield '-rules">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.rules', _loop_vars=_loop_vars))
            yield '</h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield '>\n    <table class="rule-table">\n      <caption>'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.rules.caption', pack=environment.getattr(l_1_report, 'pack_id'), version=environment.getattr(l_1_report, 'pack_version'), _loop_vars=_loop_vars))
            yield '</caption>\n      <thead>\n        <tr>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.rule', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.title', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.status', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.severity', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col" class="num">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.points', _loop_vars=_loop_vars))
            yield '</th>\n        </tr>\n      </thead>\n      <tbody>\n'
            for l_2_rule in environment.getattr(l_1_report, 'rules'):
                _loop_vars = {}
                pass
                yield '        <tr class="status-'
                yield escape(environment.getattr(l_2_rule, 'status'))
                yield '">\n          <th scope="row"><a href="#'
                yield escape(environment.getattr(l_2_rule, 'anchor'))
                yield '">'
                yield escape(environment.getattr(l_2_rule, 'rule'))
                yield '</a></th>\n          <td>'
                yield escape(environment.getattr(l_2_rule, 'title'))
                yield '</td>\n          <td><span class="chip status-'
                yield escape(environment.getattr(l_2_rule, 'status'))
                yield '"><span aria-hidden="true">'
                yield escape(environment.getattr(l_2_rule, 'mark'))
                yield '</span> '
                yield escape(environment.getattr(l_2_rule, 'status_label'))
                yield '</span></td>\n          <td>'
                yield escape(environment.getattr(l_2_rule, 'severity_label'))
                yield '</td>\n          <td class="num">'
                yield escape(environment.getattr(l_2_rule, 'points'))
                yield '</td>\n        </tr>\n'
            l_2_rule = missing
            yield '      </tbody>\n    </table>\n\n'
            for l_2_rule in environment.getattr(l_1_report, 'rules'):
                _loop_vars = {}
                pass
                yield '    <section class="rule status-'
                yield escape(environment.getattr(l_2_rule, 'status'))
                yield '" id="'
                yield escape(environment.getattr(l_2_rule, 'anchor'))
                yield '">\n      <h'
                yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
                yield ' id="'
                yield escape(environment.getattr(l_2_rule, 'anchor'))
                yield '-title"><span class="rule-id">'
                yield escape(environment.getattr(l_2_rule, 'rule'))
                yield '</span> '
                yield escape(environment.getattr(l_2_rule, 'title'))
                yield '</h'
                yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 2))
                yield '>\n      <p class="rule-status"><span class="chip status-'
                yield escape(environment.getattr(l_2_rule, 'status'))
                yield '"><span aria-hidden="true">'
                yield escape(environment.getattr(l_2_rule, 'mark'))
                yield '</span> '
                yield escape(environment.getattr(l_2_rule, 'status_label'))
                yield '</span> <span class="severity">'
                yield escape(environment.getattr(l_2_rule, 'severity_label'))
                yield '</span> · <span class="points">'
                yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.col.points', _loop_vars=_loop_vars))
                yield escape((undefined(name='sep') if l_1_sep is missing else l_1_sep))
                yield ' '
                yield escape(environment.getattr(l_2_rule, 'points'))
                yield '</span></p>\n      <dl class="rule-facts">\n        <div><dt>'
                yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.found', _loop_vars=_loop_vars))
                yield '</dt><dd>'
                yield escape(t_4(environment.getattr(l_2_rule, 'found')))
                yield '</dd></div>\n'
                if environment.getattr(l_2_rule, 'missing'):
                    pass
                    yield '        <div class="fact-missing"><dt>'
                    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'report.missing', _loop_vars=_loop_vars))
                    yield '</dt><dd><ul class="missing">'
                    for (l_3_words, l_3_code) in environment.getattr(l_2_rule, 'missing'):
                        _loop_vars = {}
                        pass
                        yield '<li>'
                        yield escape(l_3_words)
                        if (l_3_words != l_3_code):
                            pass
                            yield ' <code class="path">'
                            yield escape(l_3_code)
                            yield '</code>'
                        yield '</li>'
                    l_3_words = l_3_code = missing
                    yield '</ul></dd></div>\n'
                if environment.getattr(l_2_rule, 'failed'):
                    pass
                    yield '        <div><dt>'
                    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'report.fix', _loop_vars=_loop_vars))
                    yield '</dt><dd>'
                    yield escape(t_4(environment.getattr(l_2_rule, 'remediation')))
                    yield '</dd></div>\n'
                yield '        <div class="fact-where"><dt>'
                yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.where', _loop_vars=_loop_vars))
                yield '</dt><dd><code>'
                yield escape(environment.getattr(l_2_rule, 'where'))
                yield '</code></dd></div>\n        <div class="fact-source"><dt>'
                yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.source', _loop_vars=_loop_vars))
                yield '</dt><dd class="source">'
                yield escape(environment.getattr(l_2_rule, 'source'))
                yield '</dd></div>\n      </dl>\n    </section>\n'
            l_2_rule = missing
            yield '  </section>\n'
        yield '\n'
        if environment.getattr(l_1_report, 'waivers'):
            pass
            yield '  <section class="waivers">\n    <h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield ' id="'
            yield escape(environment.getattr(l_1_report, 'id'))
            yield '-waivers">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'report.waivers', _loop_vars=_loop_vars))
            yield '</h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield '>\n    <table>\n      <thead>\n        <tr>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'waivers.col.rule', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'waivers.col.reason', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'waivers.col.owner', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'waivers.col.expires', _loop_vars=_loop_vars))
            yield '</th>\n          <th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'waivers.col.state', _loop_vars=_loop_vars))
            yield '</th>\n        </tr>\n      </thead>\n      <tbody>\n'
            for l_2_waiver in environment.getattr(l_1_report, 'waivers'):
                _loop_vars = {}
                pass
                yield '        <tr class="waiver-'
                yield escape(environment.getattr(l_2_waiver, 'state'))
                yield '">\n          <td>'
                yield escape(environment.getattr(l_2_waiver, 'rule'))
                yield '</td>\n          <td>'
                yield escape(environment.getattr(l_2_waiver, 'reason'))
                yield '</td>\n          <td>'
                yield escape(environment.getattr(l_2_waiver, 'owner'))
                yield '</td>\n          <td>'
                yield escape(environment.getattr(l_2_waiver, 'expires'))
                yield ' ('
                yield escape(environment.getattr(l_2_waiver, 'days'))
                yield ')</td>\n          <td>'
                yield escape(t_4(environment.getattr(l_2_waiver, 'message')))
                yield ' <span class="path">'
                yield escape(environment.getattr(l_2_waiver, 'where'))
                yield '</span></td>\n        </tr>\n'
            l_2_waiver = missing
            yield '      </tbody>\n    </table>\n  </section>\n'
        yield '\n'
        if environment.getattr(l_1_report, 'notes'):
            pass
            yield '  <section class="notes">\n    <h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield ' id="'
            yield escape(environment.getattr(l_1_report, 'id'))
            yield '-notes">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'report.notes', _loop_vars=_loop_vars))
            yield '</h'
            yield escape(((undefined(name='top') if l_0_top is missing else l_0_top) + 1))
            yield '>\n    <ul>\n'
            for l_2_note in environment.getattr(l_1_report, 'notes'):
                _loop_vars = {}
                pass
                yield '      <li>'
                yield escape(t_4(l_2_note))
                yield '</li>\n'
            l_2_note = missing
            yield '    </ul>\n  </section>\n'
        yield '  <footer class="made-by"><p>'
        yield escape(environment.getattr(l_1_report, 'made_by'))
        yield '</p></footer>\n</article>\n'
    l_1_report = l_1_sep = missing
    yield '</main>\n</body>\n</html>'

blocks = {}
debug_info = '3=45&4=48&6=52&12=54&14=63&16=70&20=72&22=75&24=77&26=79&27=83&34=100&35=105&37=109&38=111&40=119&41=123&42=127&43=131&44=135&49=139&51=147&52=157&54=166&55=169&57=171&58=174&60=178&61=181&63=188&64=191&66=193&67=197&68=199&71=201&72=205&76=209&77=212&79=214&80=217&81=223&83=225&84=229&87=240&88=243&90=249&91=253&92=257&93=265&94=267&95=270&97=284&101=288&102=291&104=293&105=296&107=302&108=306&112=312&113=315&115=321&116=325&123=337&125=340&126=348&127=351&129=354&130=356&132=360&133=366&135=372&136=376&137=378&138=382&139=384&141=387&142=391&154=406&156=409&160=417&161=419&162=421&163=423&167=425&169=429&170=431&171=438&172=440&180=445&182=448&184=456&187=458&188=460&189=462&190=464&191=466&195=468&196=472&197=474&198=478&199=480&200=486&201=488&207=492&208=496&209=500&210=510&212=523&213=527&214=530&216=545&217=548&219=553&220=557&227=564&229=567&233=575&234=577&235=579&236=581&237=583&241=585&242=589&243=591&244=593&245=595&246=597&247=601&255=608&257=611&259=619&260=623&265=628'