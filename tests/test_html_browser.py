"""report.html in a real browser (headless Chromium, Debian package ``chromium``): it renders, sorting and
filtering work, nothing is logged as an error (a Content-Security-Policy violation would be), hostile text does
not run, and Chinese, Japanese and Korean text is drawn with real glyphs.

Skipped when no Chromium is installed, except in CI (``$CI`` set), where .ci/run installs it and a missing
browser is a failure. ``$CHROMIUM`` names the binary if it is not on PATH; ``$TRANSCHECK_SCREENSHOTS=DIR``
keeps screenshots of the page for a person to look at."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from chromium_cdp import Browser, find_chromium
from report_fixtures import IMG, hostile_tables
from transcheck.reports import html

IN_CI = os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}
BINARY = find_chromium()

if BINARY is None and not IN_CI:
    pytest.skip(
        "Chromium is not installed (Debian: apt-get install chromium; or set $CHROMIUM): the HTML report's browser "
        "test needs it",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert BINARY is not None, "CI must have Chromium: .ci/run installs the Debian package"
    folder = tmp_path_factory.mktemp("html")
    path = folder / "report.html"
    html.write(hostile_tables(), folder)
    with Browser(BINARY, width=1400, height=1000) as browser:
        browser.open(path)
        yield browser
        shots = os.environ.get("TRANSCHECK_SCREENSHOTS")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            browser.evaluate("window.scrollTo(0, 0)")
            browser.screenshot(Path(shots) / "report-top.png")
            browser.evaluate("document.getElementById('doc-0').scrollIntoView()")
            browser.screenshot(Path(shots) / "report-side-by-side.png")


def rows(page: Browser, attribute: str = "data-severity") -> list[str]:
    script = (
        "Array.from(document.querySelectorAll('#findings-table tbody tr'))"
        f".filter(r => !r.hidden).map(r => r.getAttribute({json.dumps(attribute)}))"
    )
    result: list[str] = page.evaluate(script)
    return result


def click(page: Browser, selector: str) -> None:
    """A real mouse click in the middle of the element."""
    box = page.evaluate(
        f"(() => {{ const el = document.querySelector({json.dumps(selector)}); el.scrollIntoView({{block: 'center'}});"
        " const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
    )
    for kind in ("mousePressed", "mouseReleased"):
        page.call(
            "Input.dispatchMouseEvent",
            {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1},
            session=True,
        )


def header(column: str) -> str:
    return f"#findings-table thead th:nth-child({list(hostile_tables().findings.columns).index(column) + 1}) button"


def test_page_renders_without_errors(page: Browser) -> None:
    assert page.evaluate("document.title") == "transcheck report 9.9.9-test"
    assert page.evaluate("document.querySelectorAll('#findings-table tbody tr').length") == 7
    assert page.evaluate("document.querySelectorAll('#summary svg').length") >= 2
    assert page.evaluate("document.querySelector('#findings-table').getBoundingClientRect().height") > 100
    assert page.evaluate("document.getElementById('filter-count').textContent") == "7 of 7 findings shown"
    assert page.problems() == []  # no console error, no exception, no CSP violation


def test_hostile_text_stays_text(page: Browser) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    marked = page.evaluate("document.querySelector('#doc-0-p1 mark.m-error').textContent")
    assert marked == IMG  # shown, highlighted, inert


def test_sorting(page: Browser) -> None:
    click(page, header("severity"))
    assert rows(page) == sorted(rows(page), key=["info", "warning", "error"].index)  # by rank, not alphabet
    assert rows(page)[0] == "info"
    click(page, header("severity"))
    assert rows(page)[0] == "error" and rows(page)[-1] == "info"
    click(page, header("rule"))
    assert rows(page, "data-rule") == sorted(rows(page, "data-rule"))
    click(page, header("pair_id"))  # numbers as numbers, blanks last
    pairs = page.evaluate(
        "Array.from(document.querySelectorAll('#findings-table tbody tr')).map(r => r.cells[5].textContent)"
    )
    assert pairs == ["0", "0", "1", "1", "2", "3", ""]
    assert page.problems() == []


def test_filtering(page: Browser) -> None:
    page.evaluate("document.getElementById('filter-text').focus()")
    page.call("Input.insertText", {"text": "yoon"}, session=True)
    assert rows(page, "data-rule") == ["N001"]
    page.evaluate(
        "{ const t = document.getElementById('filter-text'); t.value = ''; t.dispatchEvent(new Event('input')); }"
    )
    page.evaluate(
        "{ const s = document.getElementById('filter-severity'); s.value = 'warning';"
        " s.dispatchEvent(new Event('change')); }"
    )
    assert sorted(rows(page, "data-rule")) == ["D001", "T001"]
    click(page, "#filter-accepted")  # hide suppressed and baselined
    assert rows(page, "data-rule") == ["D001"]
    assert page.evaluate("document.getElementById('filter-count').textContent") == "1 of 7 findings shown"
    page.evaluate(
        "{ const s = document.getElementById('filter-severity'); s.value = ''; s.dispatchEvent(new Event('change')); }"
    )
    assert sorted(rows(page, "data-rule")) == ["A001", "D001", "D003", "I006", "N001"]
    assert page.problems() == []


def test_cjk_text_is_drawn_with_real_glyphs(page: Browser) -> None:
    """Each script's characters render as distinct glyphs in the page's font (missing glyphs are all the same
    box), and the text is laid out where a reader sees it."""
    result = page.evaluate(
        """(() => {
          const cell = document.querySelector('#doc-0-p0 td[lang="zh"]');
          const font = getComputedStyle(cell).font;
          const canvas = document.createElement('canvas');
          canvas.width = 80; canvas.height = 60;
          const g = canvas.getContext('2d');
          g.font = font.replace(/\\d+(\\.\\d+)?px/, '40px');
          const draw = t => { g.clearRect(0, 0, 80, 60); g.fillText(t, 10, 45);
                              return Array.from(g.getImageData(0, 0, 80, 60).data).join(','); };
          const blank = draw(' ');
          const missing = draw('\\uE000');
          const check = pair => pair.map(draw).every(x => x !== blank && x !== missing)
                                && draw(pair[0]) !== draw(pair[1]);
          return {
            zh: check(['韩', '国']), ja: check(['す', 'る']), ko: check(['삭', '제']),
            width: cell.getBoundingClientRect().width, text: cell.textContent,
          };
        })()"""
    )
    assert result["zh"] and result["ja"] and result["ko"], result
    assert result["width"] > 50 and "尹锡悦" in result["text"]
    assert page.evaluate("document.querySelector('#doc-1 td[lang=\"ja\"]').textContent") == "保存する"
