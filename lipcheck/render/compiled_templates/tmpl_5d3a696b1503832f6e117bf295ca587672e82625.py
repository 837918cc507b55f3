from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'portfolio.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_t = resolve('t')
    l_0_total = resolve('total')
    l_0_counts = resolve('counts')
    l_0_sort_label = resolve('sort_label')
    l_0_rows = resolve('rows')
    l_0_rules = resolve('rules')
    l_0_councils = resolve('councils')
    l_0_sectors = resolve('sectors')
    l_0_made_by = resolve('made_by')
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; base-uri \'none\'; form-action \'none\'">\n<meta name="generator" content="lipcheck">\n<title>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.title'))
    yield '</title>\n<style>\n'
    template = environment.get_template('portfolio.css', 'portfolio.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</style>\n</head>\n<body>\n<header class="page-header">\n  <p class="kicker">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'out.page-title'))
    yield '</p>\n  <h1>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.title'))
    yield '</h1>\n  <p>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.intro', count=(undefined(name='total') if l_0_total is missing else l_0_total)))
    yield '</p>\n</header>\n<main>\n<section aria-labelledby="counts-heading">\n  <h2 id="counts-heading">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.counts'))
    yield '</h2>\n  <ul class="counts">\n'
    for l_1_item in (undefined(name='counts') if l_0_counts is missing else l_0_counts):
        _loop_vars = {}
        pass
        yield '    <li class="count verdict-'
        yield escape(environment.getattr(l_1_item, 'verdict'))
        yield '"><span class="count-number">'
        yield escape(environment.getattr(l_1_item, 'count'))
        yield '</span> <span aria-hidden="true">'
        yield escape(environment.getattr(l_1_item, 'mark'))
        yield '</span> '
        yield escape(environment.getattr(l_1_item, 'label'))
        yield '</li>\n'
    l_1_item = missing
    yield '  </ul>\n</section>\n<section class="landscape" aria-labelledby="table-heading">\n  <h2 id="table-heading">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.proposals'))
    yield '</h2>\n  <div class="scroll" role="region" aria-labelledby="table-caption" tabindex="0">\n  <table class="proposals">\n    <caption id="table-caption">'
    yield escape((undefined(name='sort_label') if l_0_sort_label is missing else l_0_sort_label))
    yield '</caption>\n    <thead>\n      <tr><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.col.title'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.col.community'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'summary.call'))
    yield '</th><th scope="col" class="num">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'summary.score'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'summary.verdict'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'summary.gate'))
    yield '</th></tr>\n    </thead>\n    <tbody>\n'
    for l_1_row in context.call((undefined(name='rows') if l_0_rows is missing else l_0_rows)):
        _loop_vars = {}
        pass
        yield '      <tr>\n        <th scope="row">'
        if environment.getattr(l_1_row, 'page'):
            pass
            yield '<a href="'
            yield escape(environment.getattr(l_1_row, 'page'))
            yield '">'
            yield escape(environment.getattr(l_1_row, 'title'))
            yield '</a>'
        else:
            pass
            yield escape(environment.getattr(l_1_row, 'title'))
        yield '<br><code class="path">'
        yield escape(environment.getattr(l_1_row, 'path'))
        yield '</code></th>\n        <td>'
        yield escape(environment.getattr(l_1_row, 'community'))
        yield '</td>\n        <td>'
        yield escape(environment.getattr(l_1_row, 'call'))
        yield '</td>\n        <td class="num">'
        yield escape(environment.getattr(l_1_row, 'score'))
        yield '</td>\n        <td><span class="chip verdict-'
        yield escape(environment.getattr(l_1_row, 'verdict'))
        yield '"><span aria-hidden="true">'
        yield escape(environment.getattr(l_1_row, 'verdict_mark'))
        yield '</span> '
        yield escape(environment.getattr(l_1_row, 'verdict_label'))
        yield '</span></td>\n        <td>'
        if environment.getattr(l_1_row, 'passed'):
            pass
            yield '<span class="gate-pass">'
            yield escape(environment.getattr(l_1_row, 'gate'))
            yield '</span>'
        else:
            pass
            yield '<span class="gate-fail">'
            yield escape(environment.getattr(l_1_row, 'gate'))
            yield '</span>'
        yield '</td>\n      </tr>\n'
    l_1_row = missing
    yield '    </tbody>\n  </table>\n  </div>\n</section>\n<section class="landscape" aria-labelledby="heat-heading">\n  <h2 id="heat-heading">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.heat'))
    yield '</h2>\n  <p>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.heat.intro'))
    yield '</p>\n  <ul class="legend" aria-label="'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.legend'))
    yield '">\n    <li><span class="cell met">✓</span> '
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'diff.status.met'))
    yield '</li>\n    <li><span class="cell partial">◐ 50</span> '
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.legend.partial'))
    yield '</li>\n    <li><span class="cell unmet">✗</span> '
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'diff.status.unmet'))
    yield '</li>\n    <li><span class="cell na">–</span> '
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'diff.status.not-applicable'))
    yield '</li>\n    <li><span class="cell waived">W</span> '
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'diff.status.waived'))
    yield '</li>\n    <li><span class="cell absent">&nbsp;</span> '
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.heat.absent'))
    yield '</li>\n  </ul>\n  <div class="scroll" role="region" aria-labelledby="heat-caption" tabindex="0">\n  <table class="heat">\n    <caption id="heat-caption">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.heat.caption'))
    yield '</caption>\n    <thead>\n      <tr><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.col.title'))
    yield '</th>'
    for l_1_rule in (undefined(name='rules') if l_0_rules is missing else l_0_rules):
        _loop_vars = {}
        pass
        yield '<th scope="col"><abbr title="'
        yield escape(environment.getattr(l_1_rule, 'title'))
        yield '">'
        yield escape(environment.getattr(l_1_rule, 'id'))
        yield '</abbr></th>'
    l_1_rule = missing
    yield '</tr>\n    </thead>\n    <tbody>\n'
    for l_1_row in context.call((undefined(name='rows') if l_0_rows is missing else l_0_rows)):
        _loop_vars = {}
        pass
        yield '      <tr><th scope="row">'
        if environment.getattr(l_1_row, 'page'):
            pass
            yield '<a href="'
            yield escape(environment.getattr(l_1_row, 'page'))
            yield '">'
            yield escape(environment.getattr(l_1_row, 'title'))
            yield '</a>'
        else:
            pass
            yield escape(environment.getattr(l_1_row, 'title'))
        yield '</th>'
        for l_2_cell in environment.getattr(l_1_row, 'cells'):
            _loop_vars = {}
            pass
            yield '<td class="cell '
            yield escape(environment.getattr(l_2_cell, 'band'))
            yield '"><span aria-hidden="true">'
            yield escape(environment.getattr(l_2_cell, 'mark'))
            if environment.getattr(l_2_cell, 'number'):
                pass
                yield ' '
                yield escape(environment.getattr(l_2_cell, 'number'))
            yield '</span><span class="sr">'
            yield escape(environment.getattr(l_2_cell, 'label'))
            yield '</span></td>'
        l_2_cell = missing
        yield '</tr>\n'
    l_1_row = missing
    yield '    </tbody>\n  </table>\n  </div>\n</section>\n<section aria-labelledby="sectors-heading">\n  <h2 id="sectors-heading">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.sectors'))
    yield '</h2>\n  <p>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.sectors.intro', councils=(undefined(name='councils') if l_0_councils is missing else l_0_councils)))
    yield '</p>\n  <table class="sectors">\n    <caption>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.sectors.caption'))
    yield '</caption>\n    <thead><tr><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.col.sector'))
    yield '</th><th scope="col" class="num">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.col.councils'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'portfolio.col.share'))
    yield '</th></tr></thead>\n    <tbody>\n'
    for l_1_sector in (undefined(name='sectors') if l_0_sectors is missing else l_0_sectors):
        _loop_vars = {}
        pass
        yield '      <tr><th scope="row">'
        yield escape(environment.getattr(l_1_sector, 'label'))
        yield ' <code>'
        yield escape(environment.getattr(l_1_sector, 'code'))
        yield '</code></th><td class="num">'
        yield escape(environment.getattr(l_1_sector, 'count'))
        yield '</td><td><span class="bar" aria-hidden="true"><span style="width: '
        yield escape(environment.getattr(l_1_sector, 'percent'))
        yield '%"></span></span> '
        yield escape(environment.getattr(l_1_sector, 'percent'))
        yield '%</td></tr>\n'
    l_1_sector = missing
    yield '    </tbody>\n  </table>\n</section>\n</main>\n<footer><p>'
    yield escape((undefined(name='made_by') if l_0_made_by is missing else l_0_made_by))
    yield '</p></footer>\n</body>\n</html>'

blocks = {}
debug_info = '3=22&9=24&11=26&16=33&17=35&18=37&22=39&24=41&25=45&30=55&33=57&35=59&38=71&40=75&41=88&42=90&43=92&44=94&45=100&53=113&54=115&55=117&56=119&57=121&58=123&59=125&60=127&61=129&65=131&67=133&70=145&71=149&78=178&79=180&81=182&82=184&84=190&85=194&91=206'