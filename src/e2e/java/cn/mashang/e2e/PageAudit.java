package cn.mashang.e2e;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks {@link EveryPageIT} runs on a page as it is shown: axe-core (the npm package's axe.min.js, from the
 * com.deque.html.axe-core jar, injected into the page) for serious and critical violations, stray
 * {@code null}/{@code undefined}/{@code NaN}/{@code [object …]} in the text, horizontal overflow, text sizes of the
 * mode and, in 长辈模式, the large sizes. Each check answers findings (empty when the page passes), so a visit
 * collects all of them and the suite fails with the whole list.
 */
final class PageAudit {
    private static final String AXE = read("/axe.min.js");

    private PageAudit() {
    }

    /** axe-core's serious and critical violations: "rule (impact) ×n: first target". */
    static List<String> axe(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE); // through the devtools protocol: the page's CSP (no inline scripts) does not apply
        }
        Object result = page.evaluate("""
                async () => { const r = await axe.run(document, { resultTypes: ['violations'] });
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + ') ×' + v.nodes.length + ': '
                      + v.nodes.slice(0, 2).map(n => n.target.join(' ')
                        + (n.any[0] && n.any[0].message ? ' — ' + n.any[0].message.slice(0, 110) : '')).join(' | ')); }""");
        return strings(result);
    }

    /** Words a template left behind: null, undefined, NaN, [object …]. */
    static List<String> strayText(Page page) {
        Object result = page.evaluate("""
                () => { const t = document.body.innerText; const out = [];
                  const re = /(^|[^A-Za-z])(null|undefined|NaN)(?![A-Za-z])|\\[object [A-Za-z]+\\]/g; let m;
                  while ((m = re.exec(t)) && out.length < 5) {
                    out.push('stray "' + m[0].replace(/^[^nuN\\[]/, '') + '" in …' + t.slice(Math.max(0, m.index - 20), m.index + 25).replace(/\\s+/g, ' ') + '…'); }
                  return out; }""");
        return strings(result);
    }

    /** The page is wider than the viewport (scrollWidth > clientWidth), with the widest elements. */
    static List<String> overflow(Page page) {
        Object result = page.evaluate("""
                () => { const d = document.documentElement; if (d.scrollWidth <= d.clientWidth) return [];
                  const w = d.clientWidth;
                  const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll'))
                    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                      + ' right=' + Math.round(e.getBoundingClientRect().right));
                  return ['overflow: scrollWidth ' + d.scrollWidth + ' > clientWidth ' + w + ' (' + wide.join(', ') + ')']; }""");
        return strings(result);
    }

    /** Visible text under {@code min} px (14 in normal mode, 20 in 长辈模式), the first few. */
    static List<String> smallText(Page page, int min) {
        Object result = page.evaluate("""
                (min) => { const out = [];
                  for (const e of document.body.querySelectorAll('*')) {
                    if (e.offsetParent === null && getComputedStyle(e).position !== 'fixed') continue;
                    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                    if (!own || e.closest('[aria-hidden=true], svg, .sr-only, option')) continue;
                    const s = parseFloat(getComputedStyle(e).fontSize);
                    if (s < min - 0.01) out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                      + ' ' + s + 'px "' + e.textContent.trim().slice(0, 16) + '"');
                  }
                  return out.length ? ['text under ' + min + ' px ×' + out.length + ': ' + out.slice(0, 4).join(' | ')] : []; }""", min);
        return strings(result);
    }

    /** 长辈模式: line height ≥ 1.5 on body text, buttons and links of the main flow at least 60 × 60 px. */
    static List<String> elderSizes(Page page) {
        Object result = page.evaluate("""
                () => { const out = []; const visible = e => e.offsetParent !== null;
                  const lh = getComputedStyle(document.body); const ratio = parseFloat(lh.lineHeight) / parseFloat(lh.fontSize);
                  if (!(ratio >= 1.5)) out.push('body line-height ' + lh.lineHeight + ' / ' + lh.fontSize);
                  const small = [...document.querySelectorAll('button, a.btn, a.cell, .tabs a, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), select, .choices label, .tabbar a')]
                    .filter(visible).map(e => ({ e, r: e.getBoundingClientRect() }))
                    .filter(x => x.r.height < 59.5 || x.r.width < 59.5)
                    .map(x => x.e.tagName.toLowerCase() + (x.e.className ? '.' + String(x.e.className).split(' ')[0] : '')
                      + ' ' + Math.round(x.r.width) + '×' + Math.round(x.r.height) + ' "' + x.e.textContent.trim().slice(0, 10) + '"');
                  if (small.length) out.push('tap targets under 60×60 ×' + small.length + ': ' + small.slice(0, 4).join(' | '));
                  return out; }""");
        return strings(result);
    }

    static List<String> strings(Object result) {
        List<String> out = new ArrayList<>();
        if (result instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    /** Serious/critical axe rules violated at 390 px (the same rules usually fail at 320 px too). */
    static int axeCount(List<String> findings) {
        return (int) findings.stream().filter(f -> f.startsWith("axe 390")).count();
    }

    private static String read(String resource) {
        try (InputStream in = PageAudit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
