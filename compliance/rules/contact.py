"""Contact details and off-platform links: read from the ``contact`` matcher's spans.

Marketplaces keep the sale on the platform: e-mail addresses, phone numbers, links to
other sites and messenger handles in a listing are removed or block the upload.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..listing import TEXT_FIELDS
from ..matchers.contact import SHORTENERS
from .base import Hit, ListingRule, RuleDoc, field_label, register, with_caveat


def _spans(listing, kind: str, fields):
    wanted = set(fields)
    for span in listing.spans.get("contact", ()):
        if span.kind == kind and span.field in wanted:
            yield span


@register
class EmailAddress(ListingRule):
    code = "CT001"
    reads = ("contact",)
    name = "email-address"
    default_severity = "block"
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="The listing contains an e-mail address, written out, obfuscated ('shop [at] mail [dot] com') "
             "or as a mailto: link.",
        why="Amazon detail pages must not contain e-mail addresses "
            "(https://sellercentral.amazon.com/gp/help/external/help.html?itemID=200390640&language=en_US); eBay "
            "does not allow e-mail addresses in listings "
            "(http://pages.ebay.com/sellerinformation/news/links2011.html).",
        fails="Questions? Write to sales@acme-gadgets.com before buying.",
        passes="Questions? Send us a message through the marketplace before buying.",
    )

    def check(self, listing, params, fields):
        for span in _spans(listing, "email", fields):
            yield Hit(span.field, span.start, span.end, span.text, span.label or span.text.lower(),
                      with_caveat(f"E-mail address '{span.text}' in the {field_label(span.field)}.", params),
                      "Remove the e-mail address; buyers contact you through the marketplace's messages.")


@register
class PhoneNumber(ListingRule):
    code = "CT002"
    reads = ("contact",)
    name = "phone-number"
    default_severity = "block"
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="The listing contains a phone number (found with the phonenumbers library; model numbers, "
             "dates, sizes, prices and bare UPC/EAN codes are not phone numbers).",
        why="Amazon detail pages must not contain phone numbers "
            "(https://sellercentral.amazon.com/gp/help/external/help.html?itemID=200390640&language=en_US); eBay "
            "has not allowed contact information such as phone numbers in titles or descriptions since 2017 "
            "(reported at https://ebaylinksupport.omnivore.com.au/support/solutions/articles/17000061933).",
        fails="Wholesale orders: call (415) 555-2671.",
        passes="Sony WH-1000XM5 headphones, 30 hours, 1920x1080 manual, fits 2018-2022 models.",
    )

    def check(self, listing, params, fields):
        regions = params.get("_regions")
        for span in _spans(listing, "phone", fields):
            local = span.data.get("region")
            if local and regions and local not in regions:
                continue  # read as a local number of another target's region
            yield Hit(span.field, span.start, span.end, span.text, span.label or span.text,
                      with_caveat(f"Phone number '{span.text}' in the {field_label(span.field)}.", params),
                      "Remove the phone number; buyers contact you through the marketplace's messages.")


@lru_cache(maxsize=64)
def _allowed_pattern(patterns: tuple[str, ...]) -> re.Pattern | None:
    """``ebay.*`` allows eBay on any country domain (ebay.de, ebay.co.uk) and its subdomains."""
    parts = []
    for p in patterns:
        p = p.strip().lower()
        if not p:
            continue
        if p.endswith(".*"):
            parts.append(re.escape(p[:-2]) + r"\.(?:(?:co|com|net|org)\.)?[a-z]{2,}")
        else:
            parts.append(re.escape(p))
    if not parts:
        return None
    return re.compile(rf"(?:^|.*\.)(?:{'|'.join(parts)})$")


def domain_allowed(host: str, patterns) -> bool:
    pattern = _allowed_pattern(tuple(str(p) for p in patterns or ()))
    return bool(pattern and pattern.match(host.lower()))


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _names_the_brand(span, brand_letters: str) -> bool:
    """A bare domain that is the listing's own brand name ("StarTech.com" for brand StarTech): a
    company named after its web address, written without www. or a scheme, is not a link."""
    url = str(span.data.get("url", ""))
    if span.data.get("scheme") or span.data.get("in") or url.lower().startswith("www") or "/" in url:
        return False
    host = span.label.lower()
    return brand_letters in (_letters(host), _letters(host.split(".", 1)[0]))


@register
class OffPlatformLink(ListingRule):
    code = "CT003"
    reads = ("contact",)
    name = "off-platform-link"
    default_severity = "block"
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="The listing links or points to another website: http(s):// and www. addresses, bare domains "
             "such as shop.com, shortened links (bit.ly) and link targets in HTML (params: allowed_domains, "
             "where 'ebay.*' means any eBay site; require_https flags allowed links that are not https). A "
             "bare domain that is the listing's own brand ('StarTech.com' for brand StarTech) is a name, not "
             "a link.",
        why="eBay descriptions cannot link to other sites except other eBay pages and a few named "
            "exceptions, and allowed links must be HTTPS "
            "(https://www.ebay.ca/help/policies/listing-policies/links-policy?id=4248); Amazon detail pages "
            "must not contain website URLs or links to other websites "
            "(https://sellercentral.amazon.com/gp/help/external/help.html?itemID=200390640&language=en_US).",
        fails="More colours in our shop: www.acme-gadgets.com or bit.ly/acme",
        passes="Bluetooth 5.3, see the manual.pdf in the box, e.g. for pairing; battery 5.3 V.",
    )

    def check(self, listing, params, fields):
        allowed = params.get("allowed_domains", ()) or ()
        https_only = bool(params.get("require_https", False))
        brand = _letters(listing.brand)
        for span in _spans(listing, "url", fields):
            host = span.label
            label = field_label(span.field)
            if brand and _names_the_brand(span, brand):
                continue
            if span.data.get("shortener") or host in SHORTENERS:
                message = f"Shortened link '{span.text}' in the {label}; it hides where it leads."
            elif domain_allowed(host, allowed):
                if not (https_only and span.data.get("scheme") == "http"):
                    continue
                yield Hit(span.field, span.start, span.end, span.text, host,
                          with_caveat(f"Link '{span.text}' in the {label} does not use https.", params),
                          f"Change the link to https://{span.text.split('://', 1)[-1]}.")
                continue
            else:
                message = f"Link to another website '{span.text}' in the {label}."
            yield Hit(span.field, span.start, span.end, span.text, host, with_caveat(message, params),
                      "Remove the link and the web address; keep buyers on the marketplace's own pages.")


_NETWORK_NAMES = {"whatsapp": "WhatsApp", "wechat": "WeChat", "telegram": "Telegram", "viber": "Viber",
                  "skype": "Skype", "instagram": "Instagram", "facebook": "Facebook", "tiktok": "TikTok",
                  "snapchat": "Snapchat", "kik": "Kik", "zalo": "Zalo", "kakaotalk": "KakaoTalk", "line": "LINE",
                  "qq": "QQ"}


@register
class MessengerHandle(ListingRule):
    code = "CT004"
    reads = ("contact",)
    name = "messenger-handle"
    default_severity = "block"
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="The listing gives a messenger or social-media contact: 'WhatsApp: +86 ...', 'WeChat ID abc123', "
             "'@shopname', 'DM me', 'message me on Instagram'.",
        why="eBay has not allowed contact information such as social-media links in titles or descriptions "
            "since 2017 (reported at "
            "https://ebaylinksupport.omnivore.com.au/support/solutions/articles/17000061933); Amazon detail "
            "pages must not send buyers to other websites "
            "(https://sellercentral.amazon.com/gp/help/external/help.html?itemID=200390640&language=en_US).",
        fails="For custom sizes add WeChat ID acme_shop or DM me.",
        passes="Works with WhatsApp, Instagram and Facebook apps; line art print.",
    )

    def check(self, listing, params, fields):
        for span in _spans(listing, "handle", fields):
            label = field_label(span.field)
            ident = span.data.get("id", "")
            if span.label == "dm":
                entry = re.sub(r"\s+", " ", span.text.lower())
                message = f"'{span.text}' in the {label} asks buyers to contact you off the marketplace."
            elif span.label == "@":
                entry = ident.lower()
                message = f"Social-media handle '{span.text}' in the {label}."
            else:
                entry = f"{span.label}:{ident.lower()}"
                network = _NETWORK_NAMES.get(span.label, span.label)
                message = f"{network} contact '{span.text}' in the {label}."
            yield Hit(span.field, span.start, span.end, span.text, entry, with_caveat(message, params),
                      "Remove the handle; buyers contact you through the marketplace's messages.")
