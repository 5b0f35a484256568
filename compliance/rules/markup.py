"""HTML in listings: active content, and tags a marketplace does not allow.

Both rules read the ``markup`` matcher's spans: ``active`` for scripts, frames, forms,
event handlers and script URLs; ``tag`` for every tag of a non-title field.
"""
from __future__ import annotations

from ..listing import TEXT_FIELDS
from .base import Hit, ListingRule, RuleDoc, field_label, register, with_caveat


def _tag_name(label: str) -> str:
    return "<!-- --> comment" if label == "!--" else f"<{label}>"


@register
class ActiveContent(ListingRule):
    code = "HT001"
    reads = ("markup",)
    name = "active-content"
    default_severity = "block"
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="The listing contains active content: <script>, <iframe>, <frame>, <object>, <embed>, <applet>, "
             "<form>, <input>, <button>, <base>, a meta refresh, a link import, on* event handlers, or "
             "javascript:/vbscript:/data:text/html links; in a title, any '<script' and the like.",
        why="eBay rejects listings with JavaScript, Flash, plug-ins or form actions with the error "
            "'Disallowed JavaScript/HTML Syntax' "
            "(https://www.ebay.com/help/policies/listing-policies/javascript-policy?id=4247); Amazon detail "
            "pages must not contain HTML, JavaScript or other code "
            "(https://sellercentral.amazon.com/gp/help/external/help.html?itemID=200390640&language=en_US).",
        fails='Soft cotton tee.<script src="https://cdn.example.net/counter.js"></script>',
        passes="Soft cotton tee.<br>Machine washable.",
    )

    def check(self, listing, params, fields):
        wanted = set(fields)
        for span in listing.spans.get("markup", ()):
            if span.kind != "active" or span.field not in wanted:
                continue
            reasons = ", ".join(span.data.get("reasons", ()) or (span.label,))
            yield Hit(span.field, span.start, span.end, span.text, span.label,
                      with_caveat(f"Active content ({reasons}) in the {field_label(span.field)}.", params),
                      "Remove scripts, frames, forms, event handlers and script links; describe the item with "
                      "text, images and basic formatting.")


@register
class TagNotAllowed(ListingRule):
    code = "HT002"
    reads = ("markup",)
    name = "html-tag-not-allowed"
    default_severity = "block"
    default_fields = tuple(f for f in TEXT_FIELDS if f != "title")
    doc = RuleDoc(
        what="A field uses an HTML tag outside the marketplace's allowed list (params: allowed_tags), or, "
             "for a marketplace that filters named tags, one of those (params: denied_tags). One finding per "
             "tag name and field, at its first use. Tags that are active content are HT001's.",
        why="Amazon detail pages must not contain HTML; line breaks are allowed in descriptions "
            "(https://sellercentral.amazon.com/gp/help/external/help.html?itemID=200390640&language=en_US). "
            "Newegg descriptions may use only <ol> <ul> <li> <br> <p> <b> <i> <u> <em> <strong> <sub> <sup> "
            "(https://sellerportal.newegg.com/selleracademy/index.php/knowledge-base/product-description-policy-and-guidelines/).",
        fails="<p>Soft cotton tee.</p><style>p {color: red}</style><p>Machine washable.</p>",
        passes="Soft cotton tee.<br>Machine washable.",
    )

    def check(self, listing, params, fields):
        allowed = {str(t).lower() for t in params.get("allowed_tags", ()) or ()}
        denied = {str(t).lower() for t in params.get("denied_tags", ()) or ()}
        first, counts = _offending_tags(listing.spans.get("markup", ()), set(fields), allowed, denied)
        allowed_text = ", ".join(f"<{t}>" for t in sorted(allowed)) if allowed else ""
        for (field, tag), span in first.items():
            times = f" ({counts[(field, tag)]} times)" if counts[(field, tag)] > 1 else ""
            yield Hit(field, span.start, span.end, span.text, tag,
                      with_caveat(f"HTML tag {_tag_name(tag)} in the {field_label(field)}{times}; "
                                  f"{_why_not(allowed, denied, allowed_text)}.", params),
                      f"Remove the {_tag_name(tag)} tags and write plain text"
                      + (f" ({allowed_text} may stay)." if allowed_text else "."))


def _why_not(allowed: set[str], denied: set[str], allowed_text: str) -> str:
    if denied:
        return "the marketplace removes it"
    verb = "is" if len(allowed) == 1 else "are"
    return f"only {allowed_text} {verb} allowed" if allowed_text else "no HTML is allowed"


def _offending_tags(spans, wanted: set[str], allowed: set[str], denied: set[str]):
    """(first span, count) per (field, tag) of the tags not allowed; active content is another rule's."""
    active = {(s.field, s.start) for s in spans if s.kind == "active"}
    first: dict[tuple[str, str], object] = {}
    counts: dict[tuple[str, str], int] = {}
    for span in spans:
        if span.kind != "tag" or span.field not in wanted or span.label in allowed:
            continue
        if denied and span.label not in denied or (span.field, span.start) in active:
            continue
        key = (span.field, span.label)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, span)
    return first, counts
