"""Saved web pages (``.html``, ``.htm``): the article's main text, found by trafilatura.

What comes out:

* the title, author, date and site name from the page's metadata (trafilatura reads
  ``<meta>`` tags, JSON-LD and the usual markup; the title is the page's own ``<h1>``
  when its ``<title>`` or ``og:title`` confirms it, see `choose_title`);
* the main text as blocks: the headline, a byline ("By ..."), a date line, then every
  paragraph, list item, quotation and table row of the article, with ``<h2>``-``<h6>``
  headings as subheadings and ``<figcaption>`` text as captions;
* no markup at all: only the text inside the elements trafilatura keeps. Scripts, styles,
  comments, forms and event attributes never reach the text.

The page's own bytes stay on the `Article` (``raw``) for provenance, with its path and
``format == "html"``. trafilatura is imported only here, when a web page is read, so that
``import workbook`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from workbook.dates import MONTHS, long_date
from workbook.formats import Document, TextBuilder
from workbook.textio import ArticleError, check_bytes

#: Largest saved page read, in bytes. A news page saved from a browser is 0.1-3 MB; most of
#: that is scripts and styles, not text.
MAX_PAGE_BYTES = 10_000_000
#: Fewer words than this in the main text's sentences (paragraphs of eight words or more with a full
#: stop, question or exclamation mark) means the page holds no article.
MIN_WORDS = 20
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|::|»|•)\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_NO_ARTICLE_ADVICE = (
    "Open the article itself in a browser (not a home page or a list of links), wait until its text "
    "shows, and save it again as \"Web page, complete\" or \"HTML only\"; or copy the article's text "
    "into a plain text file (.txt)."
)


def decode_page(raw: bytes) -> tuple[str, str]:
    """The page's text and encoding: UTF-8, else the charset its ``<meta>`` names, else Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(raw[:8192])
    if declared:
        name = declared.group(1).decode("ascii", errors="ignore").lower()
        try:
            return raw.decode(name, errors="replace"), name
        except LookupError:
            pass
    return raw.decode("cp1252", errors="replace"), "cp1252"


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def choose_title(h1s: list[str], page_title: str, og_title: str, extracted: str | None, site: str | None) -> str | None:
    """The article's title from what the page offers, in this order:

    an ``<h1>`` that the page's ``<title>`` contains (the page confirms its own heading);
    the ``<title>`` without the site's name after a separator ("Headline | Site"), when
    three words or more are left; an ``<h1>`` that ``og:title`` contains; the first ``<h1>``
    of three words or more; ``og:title``; trafilatura's own title.
    """
    def confirmed_by(other: str) -> str | None:
        key = _letters(other)
        return next((h for h in h1s if len(h.split()) >= 2 and _letters(h) and _letters(h) in key), None) if key else None

    stripped = strip_site_name(page_title, site)
    for candidate in (
        confirmed_by(page_title),
        stripped if len(stripped.split()) >= 3 else None,
        confirmed_by(og_title),
        next((h for h in h1s if len(h.split()) >= 3), None),
        og_title,
        extracted,
    ):
        if candidate:
            return candidate
    return stripped or None


def strip_site_name(title: str, site: str | None = None) -> str:
    """``"Headline - Site Name"`` -> ``"Headline"``: short parts after a separator are dropped."""
    parts = _SEPARATORS.split(title.strip())
    if len(parts) == 1:
        return title.strip()
    site_key = _letters(site or "")
    kept = [p for p in parts if not (site_key and _letters(p) == site_key)]
    while len(kept) > 1 and len(kept[-1].split()) <= 4:
        kept.pop()
    while len(kept) > 1 and len(kept[0].split()) <= 3:
        kept.pop(0)
    return max(kept, key=len) if kept else title.strip()


def clean_author(author: str | None) -> str | None:
    """trafilatura's author without repeats ("A; A") and without a month name run onto it."""
    if not author:
        return None
    names: list[str] = []
    for name in re.split(r"\s*;\s*", author):
        words = name.split()
        while len(words) > 2 and words[-1].lower().rstrip(".") in MONTHS:
            words.pop()
        name = " ".join(words)
        if name and all(_letters(name) != _letters(other) for other in names):
            names.append(name)
    return " and ".join(names) or None


def _page_facts(text: str) -> tuple[list[str], str, str, dict[str, str], str | None]:
    """The page's ``<h1>`` texts, ``<title>``, ``og:title``, ``<figcaption>`` texts (by the source of
    the picture in the same ``<figure>``, or by their own text) and language."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return [], "", "", {}, None
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    h1s = [_clean(e.text_content()) for e in tree.iter("h1")]
    title = _clean(tree.findtext(".//title"))
    og = next((_clean(v) for v in tree.xpath("//meta[@property='og:title' or @name='twitter:title']/@content")), "")
    captions: dict[str, str] = {}
    for caption in tree.iter("figcaption"):
        words = _clean(caption.text_content())
        if not words:
            continue
        figure = caption.getparent()
        while figure is not None and figure.tag != "figure":
            figure = figure.getparent()
        sources = [img.get("src") or img.get("data-src") or "" for img in (figure.iter("img") if figure is not None else ())]
        for source in sources:
            if source:
                captions.setdefault(source, words)
        captions.setdefault(_letters(words), words)
    language = tree.get("lang") or None
    return [h for h in h1s if h], title, og, captions, language


def _is_caption(text: str, captions: dict[str, str], alt: str | None) -> bool:
    key = _letters(text)
    if not key:
        return False
    keys = [_letters(words) for words in captions.values()]
    if any(key in caption or (len(caption) > 20 and caption in key) for caption in keys):
        return True
    if alt:
        alt_key = _letters(alt)
        return len(alt_key) > 20 and (alt_key[:40] in key or key[:40] in alt_key)
    return False


def extract(text: str) -> tuple[dict[str, str | None], list[tuple[str, str]]]:
    """Run trafilatura on a page: its metadata, and (role, text) for each block of the main text."""
    import trafilatura
    from lxml import etree

    found = trafilatura.extract(
        text, output_format="xml", with_metadata=True, include_comments=False, include_tables=True,
        include_images=True, include_links=False, include_formatting=False, deduplicate=False,
    )
    if not found:
        return {}, []
    root = etree.fromstring(found.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    metadata = {key: root.get(key) for key in ("title", "author", "date", "sitename")}
    blocks: list[tuple[str, str]] = []
    main = root.find("main")
    for element in (main if main is not None else []):
        tag = element.tag
        if tag == "graphic":
            blocks.append(("graphic", f"{element.get('src') or ''}\n{element.get('alt') or ''}"))
        elif tag == "head":
            blocks.append(("subheading", _clean("".join(element.itertext()))))
        elif tag == "list":
            for item in element.iter("item"):
                blocks.append(("body", _clean("".join(item.itertext()))))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_clean("".join(cell.itertext())) for cell in row.iter("cell")]
                blocks.append(("body", " | ".join(c for c in cells if c)))
        elif tag == "quote":
            parts = [_clean("".join(p.itertext())) for p in element.iter("p")] or [_clean("".join(element.itertext()))]
            blocks.extend(("body", part) for part in parts)
        else:
            blocks.append(("body", _clean("".join(element.itertext()))))
    return metadata, [(role, block) for role, block in blocks if block or role == "graphic"]


def read(path: Path, max_bytes: int | None = None) -> Document:
    limit = max_bytes or MAX_PAGE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(
                path,
                f"this web page is {size / 1e6:.1f} MB, more than the {limit / 1e6:.0f} MB limit for one page.",
                "Save the page again as \"Web page, HTML only\" (without its pictures and scripts), "
                "or copy the article's text into a plain text file (.txt).",
            )
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise ArticleError(path, "no file or folder by this name.", "Check the spelling and the folder it is in.") from error
    except OSError as error:
        raise ArticleError(path, f"the file could not be read ({error.strerror or error}).") from error
    if b"\x00" in raw[:65536]:
        check_bytes(raw, path, limit)  # a binary file with an .html ending
    text, encoding = decode_page(raw)
    return document_from_html(text, raw, encoding, path)


def document_from_html(text: str, raw: bytes, encoding: str, path: Path | None = None) -> Document:
    """Turn a page's HTML into a `Document` (raises `ArticleError` when it holds no article)."""
    if not text.strip():
        raise ArticleError(path, "the file is empty.", "Save the web page again from the browser.")
    metadata, blocks = extract(text)
    h1s, page_title, og_title, captions, language = _page_facts(text)
    words = sum(len(block.split()) for role, block in blocks
                if role != "graphic" and len(block.split()) >= 8 and re.search(r"[.!?…]", block))
    if words < MIN_WORDS:  # a list of links or section names is not an article
        raise ArticleError(path, "no article text was found in this web page.", _NO_ARTICLE_ADVICE)
    site = _clean(metadata.get("sitename")) or None
    title = choose_title(h1s, page_title, og_title, _clean(metadata.get("title")) or None, site)
    author = clean_author(_clean(metadata.get("author")) or None)
    day = None
    if metadata.get("date"):
        try:
            day = dt.date.fromisoformat(str(metadata["date"])[:10])
        except ValueError:
            day = None

    builder = TextBuilder()
    if title:
        builder.add(title, "headline")
    if author:
        builder.add(f"By {author}", "byline")
    if day:
        builder.add(long_date(day), "dateline")
    title_key = _letters(title or "")
    alt: str | None = None
    for position, (role, block) in enumerate(blocks):
        if role == "graphic":
            source, alt = block.split("\n", 1)
            caption = captions.get(source) if source else None
            following = blocks[position + 1][1] if position + 1 < len(blocks) else ""
            if caption and _letters(caption) != _letters(following):
                builder.add(caption, "caption")  # trafilatura keeps the picture but not its <figcaption>
            continue
        if title_key and _letters(block) == title_key:
            alt = None
            continue  # the headline, already at the top
        if role == "body" and _is_caption(block, captions, alt):
            role = "caption"
        builder.add(block, role)
        alt = None
    joined, hints = builder.build()
    facts = {"title": title, "author": author, "date": day.isoformat() if day else None,
             "publisher": site, "language": language}
    return Document(
        text=joined, raw=raw, encoding=encoding, format="html", hints=hints,
        metadata={key: value for key, value in facts.items() if value},
    )
