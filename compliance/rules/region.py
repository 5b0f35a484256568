"""Region rules: what selling into a region asks of a listing (EU GPSR, CE/UKCA, ANATEL,
BIS, NOM, EAC, lithium batteries in cross-border parcels).

Most of these requirements live outside the listing text: certificates are uploaded,
GPSR contacts go in dedicated fields. So each rule fires only where the text is evidence:
a product type the regulation covers (the title's product nouns, from
``compliance/data/product_scope.csv``) with no sign of the certificate in the text, or a
statement that contradicts the region's rules ("made in China" and no EU responsible
person). Messages say what cannot be confirmed from the listing and what to add. Packs
limit each rule to its regions with ``regions:``.
"""
from __future__ import annotations

import re

from ..listing import Field
from .base import Hit, ListingRule, RuleDoc, checked_fields, field_label, register, with_caveat
from .coverage import ScopedRule, covered_hit, field_hit, first_match, found_in

_TEXT = ("title", "description", "bullet_point1", "bullet_point2", "bullet_point3", "bullet_point4",
         "bullet_point5")


# --- EU: GPSR ------------------------------------------------------------------------------

_NON_EU = (r"(?:the\s+)?(?:p\.?\s?r\.?\s?c\.?|(?:people'?s\s+republic\s+of\s+)?china|volksrepublik\s+china|chine|cina"
           r"|hong\s?kong|taiwan|viet\s?nam|india|indien|inde|bangladesh|pakistan|indonesia|thailand|malaysia"
           r"|cambodia|turkey|türkei|turquie|turquía|usa|u\.s\.a\.?|united\s+states|vereinigte\s+staaten"
           r"|united\s+kingdom|great\s+britain|england|japan|korea|mexico|brazil|sri\s+lanka|philippines)")
_ORIGIN = re.compile(
    r"(?<![^\W_])(?:made|manufactured|produced|assembled)\s+in\s+" + _NON_EU + r"(?![^\W_])"
    r"|(?:country\s+of\s+origin|origin|herkunft(?:sland)?|ursprungsland|pays\s+d'origine|pa[ií]s\s+de\s+origen)"
    r"\s*[:\-]?\s*" + _NON_EU + r"(?![^\W_])"
    r"|(?:hergestellt|produziert)\s+in\s+" + _NON_EU + r"(?![^\W_])"
    r"|(?:fabriqué|fabriquée|fabricado|fabricada|prodotto|fabbricato)\s+(?:en|in)\s+" + _NON_EU + r"(?![^\W_])"
    r"|(?:manufacturer|hersteller|fabricant|fabricante|produttore)\s*:?[^.\n]{0,80}?(?<![^\W_])"
    r"(?:shenzhen|guangzhou|dongguan|yiwu|ningbo|hangzhou|xiamen|foshan|zhongshan|shantou|suzhou|shanghai"
    r"|beijing|hong\s?kong|china)(?![^\W_])",
    re.IGNORECASE)
# Every way _ORIGIN can match starts with one of these words: most listings have none, and this
# plain search costs a fraction of _ORIGIN's (its lookbehind and country list are tried at every position).
_ORIGIN_WORDS = re.compile(r"made\s|manufactur|produced|produziert|prodotto|produttore|assembled|origin(?!al)|origen"
                           r"|herkunft|ursprung|hergestellt|fabri|fabbri|hersteller", re.IGNORECASE)
_RESPONSIBLE = re.compile(
    r"responsible\s+person|(?<![^\W_])eu\s*-?\s*(?:rep|representative|rp)(?![^\W_])"
    r"|authori[sz]ed\s+representative|verantwortliche\w*\s+person|eu-verantwortliche\w*|bevollmächtigte\w*"
    r"|importeur|importer|importador|importatore|personne\s+responsable|représentant\w*\s+(?:ue|dans\s+l'ue)"
    r"|persona\s+responsable|persona\s+responsabile|rappresentante\s+ue",
    re.IGNORECASE)
_NO_BRAND = frozenset({"generic", "unbranded", "no brand", "nobrand", "no-brand", "noname", "no name", "unbrand",
                       "ohne marke", "markenlos", "sans marque", "sin marca", "senza marca", "does not apply"})


@register
class GpsrContacts(ListingRule):
    code = "RG001"
    name = "eu-gpsr-responsible-person"
    default_severity = "warn"
    default_fields = _TEXT
    doc = RuleDoc(
        what="Selling into the EU: the listing says the product comes from outside the EU ('Made in China', "
             "'Manufacturer: Shenzhen ...') and names no EU responsible person or importer, or it is listed "
             "under no brand ('Generic', 'Unbranded'), so no manufacturer is named. GPSR contacts usually go in "
             "the marketplace's own product-safety fields, which a catalog does not carry: listings that say "
             "nothing are not flagged.",
        why="From 13 December 2024 a distance offer to EU buyers must show the manufacturer's name and postal "
            "and electronic address and, for a manufacturer outside the EU, the EU responsible person's "
            "(GPSR Art. 19, https://regonance.com/knowledge/gpsr/gpsr-required-product-information); eBay "
            "requires them of business sellers "
            "(https://ebay.co.uk/sellercentre/global-sales/general-product-safety-regulation) and Amazon "
            "suppresses ASINs without them (https://regonance.com/gpsr-amazon-eu).",
        fails="Silicone Baking Mat Set. Made in China.",
        passes="Silicone Baking Mat Set. Made in China. EU responsible person: Acme GmbH, Hauptstr. 1, "
               "10115 Berlin, eu@acme.example",
        field="description",
    )

    def check(self, listing, params, fields):
        origin = first_match((_ORIGIN,), listing, fields) if found_in((_ORIGIN_WORDS,), listing, fields) else None
        if origin is not None and not found_in((_RESPONSIBLE,), listing, fields):
            field, m = origin
            yield field_hit(
                field, m, "gpsr:no-eu-responsible-person",
                f"'{m.group(0)}' in the {field_label(field.name)}: the manufacturer is outside the EU and the "
                f"listing names no EU responsible person. GPSR requires one, with postal and electronic "
                f"address, on offers to EU buyers; this cannot be confirmed from the listing.",
                "Add the EU responsible person (name, postal address, e-mail) in the marketplace's "
                "product-safety (GPSR) fields or in the description.", params)
            return
        brand = listing.brand.strip()
        if brand and brand.lower() in _NO_BRAND:
            yield Hit("brand", 0, len(listing.brand), listing.brand, "gpsr:no-manufacturer",
                      with_caveat(f"The brand is '{brand}': a listing without a brand names no manufacturer, "
                                  f"and GPSR requires the manufacturer's name and addresses on offers to EU "
                                  f"buyers; this cannot be confirmed from the listing.", params),
                      "Name the manufacturer (and, for one outside the EU, the EU responsible person) in the "
                      "marketplace's product-safety (GPSR) fields.")


# --- EU: CE / UKCA -------------------------------------------------------------------------

_UK_MARK = re.compile(r"(?<![^\W_])(?:UK\s?CA|UKNI)(?![^\W_])", re.IGNORECASE)
_CE_MARK = re.compile(r"(?<![^\W_])C\s?E(?![^\W_])")
_CE_WORDS = re.compile(r"(?<![^\W_])ce[\s\-]+(?:mark|marking|marked|certified|certificate|conform\w*|zertifiziert"
                       r"|kennzeichnung|gekennzeichnet)", re.IGNORECASE)


@register
class ConformityMarkRegion(ListingRule):
    code = "RG002"
    name = "eu-ukca-without-ce"
    default_severity = "warn"
    default_fields = _TEXT
    doc = RuleDoc(
        what="Selling into the EU: the listing claims the UKCA or UKNI marking and no CE marking.",
        why="UKCA marks goods placed on the Great Britain market "
            "(https://www.gov.uk/guidance/placing-manufactured-goods-on-the-market-in-great-britain); "
            "CE-marked products sold into the EU need an EU-established economic operator, while UKCA/UKNI "
            "are for Great Britain and Northern Ireland "
            "(https://export.ebay.com/en/regulations/international-regulations). eBay counts invalid "
            "conformity marks as counterfeit "
            "(https://www.ebay.ca/help/policies/prohibited-restricted-items/replicas-counterfeit-items-unauthorised-copies-policy?id=4276).",
        fails="USB Wall Charger 20W, UKCA certified",
        passes="USB Wall Charger 20W, CE and UKCA certified",
    )

    def check(self, listing, params, fields):
        uk = first_match((_UK_MARK,), listing, fields)
        if uk is None or found_in((_CE_MARK, _CE_WORDS), listing, fields):
            return
        field, m = uk
        yield field_hit(
            field, m, m.group(0).upper().replace(" ", ""),
            f"'{m.group(0)}' in the {field_label(field.name)} and no CE marking: UKCA and UKNI are marks for "
            f"Great Britain and Northern Ireland, and products that EU law requires to be CE marked cannot be "
            f"sold into the EU on them.",
            "If the product also carries the CE marking, say so; if it does not, do not sell it into the EU.",
            params)


# --- Brazil: ANATEL ------------------------------------------------------------------------

_ANATEL = re.compile(r"anatel", re.IGNORECASE)
_ANATEL_CODE = re.compile(r"(?<!\d)\d{5}[-\s.]?\d{2}[-\s.]?\d{5}(?!\d)")


@register
class AnatelCode(ScopedRule):
    code = "RG003"
    name = "br-anatel-code"
    default_severity = "warn"
    default_fields = _TEXT
    doc = RuleDoc(
        what="Selling in Brazil: a phone, router, drone, smartwatch or wireless (Bluetooth/Wi-Fi) device shows "
             "no ANATEL homologation code (NNNNN-NN-NNNNN) in its text. Accessories ('phone case', 'case for "
             "iPhone') are not covered.",
        why="ANATEL requires marketplaces to show the homologation code in phone listings, validate it and "
            "remove illegal listings "
            "(https://dplnews.com/brasil-anatel-obriga-marketplaces-a-identificarem-certificacao-de-celulares);"
            " Mercado Livre cancels listings of phones not homologated by ANATEL "
            "(https://oficinadanet.com.br/mercado-livre/55719-mercado-livre-envia-email-para-vendedores-sobre-bloqueio-de-venda-de-celulares-nao-homologados).",
        fails="Smartphone 128GB Dual SIM 5G Desbloqueado",
        passes="Smartphone 128GB Dual SIM 5G Desbloqueado, Homologação ANATEL 01234-19-05678",
        field="title",
    )

    def check(self, listing, params, fields):
        covered = self.scope.find(listing)
        if covered is None:
            return
        named = found_in((_ANATEL,), listing, fields)
        if named and found_in((_ANATEL_CODE,), listing, fields):
            return
        where = "mentions ANATEL but gives no homologation code" if named else "shows no ANATEL homologation code"
        yield covered_hit(
            covered, "anatel",
            f"'{covered.text}' for Brazil {where}: ANATEL requires the code in the listing of telecom devices "
            f"and has marketplaces remove listings without it. Cannot confirm from the listing text; the "
            f"code may be in an attribute.",
            "Add the homologation code, e.g. 'Homologação ANATEL: 01234-19-05678', or do not sell the item in "
            "Brazil until it is homologated.", params)


# --- India: BIS ----------------------------------------------------------------------------

_BIS_WORDS = re.compile(r"bureau\s+of\s+indian\s+standards|(?<![^\W_])R-?\s?\d{8}(?!\d)"
                        r"|(?<![^\W_])bis\s+(?:mark|certified|certification|registration|registered|approved|r-?no)",
                        re.IGNORECASE)
_BIS_MARKS = re.compile(r"(?<![^\W_])(?:BIS|ISI|CRS)(?![^\W_])|(?<![^\W_])IS\s?\d{3,5}(?!\d)")


@register
class BisRegistration(ScopedRule):
    code = "RG004"
    name = "in-bis-registration"
    default_severity = "warn"
    default_fields = _TEXT
    doc = RuleDoc(
        what="Selling in India: a product of the BIS Compulsory Registration Scheme (phones, power banks, "
             "laptops, tablets, smartwatches, LED lamps, chargers and adapters, printers, monitors, TVs, wireless "
             "earphones and speakers, lithium batteries ...) shows no BIS mark, registration number "
             "(R-XXXXXXXX) or Indian Standard.",
        why="No one may sell a notified product unless it conforms to the Indian Standard and carries the BIS "
            "Standard Mark with its registration number (https://www.psrcompliance.com/bis-crs-registration); "
            "BIS seized goods without the mark from Amazon and Flipkart warehouses in March 2025 "
            "(https://www.newindianexpress.com/business/2025/Mar/20/bis-cracks-down-on-amazon-flipkart-warehouses-seizes-substandard-products).",
        fails="Power Bank 20000mAh Fast Charging",
        passes="Power Bank 20000mAh Fast Charging, BIS R-41001234",
        field="title",
    )

    def check(self, listing, params, fields):
        covered = self.scope.find(listing)
        if covered is None or found_in((_BIS_WORDS, _BIS_MARKS), listing, fields):
            return
        yield covered_hit(
            covered, "bis",
            f"'{covered.text}' for India is a notified product: it must carry the BIS Standard Mark with its "
            f"registration number (R-number). The listing shows neither; cannot confirm from the listing.",
            "Add the BIS registration number (R-XXXXXXXX) to the listing, or do not sell the item in India "
            "until it is registered.", params)


# --- Mexico: NOM ---------------------------------------------------------------------------

_NOM = re.compile(r"(?<![^\W_])NOM(?![^\W_])|(?<![^\W_])nom-?\d{3}|norma\s+oficial\s+mexicana")
_NOM_CI = re.compile(r"(?<![^\W_])nom-?\d{3}|norma\s+oficial\s+mexicana", re.IGNORECASE)


@register
class NomCertificate(ScopedRule):
    code = "RG005"
    name = "mx-nom-certificate"
    default_severity = "warn"
    default_fields = _TEXT
    doc = RuleDoc(
        what="Selling in Mexico: an electrical or electronic product that plugs into the mains (chargers, "
             "adapters, laptops, TVs, hair dryers, kitchen appliances, heaters, power strips ...) names no NOM "
             "standard or certificate. Which NOM applies is not checked.",
        why="A product subject to a NOM cannot be imported into Mexico unless certified "
            "(http://www.jpa-iac.com/en/which-is-the-definition-of-nom/); Mercado Libre verifies NOM "
            "certificates, and missing NOM risks delisting "
            "(https://en-test.56ok.com/topic/detail-812754-mexicos-mercado-libre-sellers-face-nom-certification-hurdles.html).",
        fails="Secadora de Pelo 2000W Iónica",
        passes="Secadora de Pelo 2000W Iónica, certificado NOM-003-SCFI-2014",
        field="title",
    )

    def check(self, listing, params, fields):
        covered = self.scope.find(listing)
        if covered is None or found_in((_NOM, _NOM_CI), listing, fields):
            return
        yield covered_hit(
            covered, "nom",
            f"'{covered.text}' for Mexico is an electrical product that needs a NOM certificate, and the "
            f"listing names none; Mercado Libre verifies NOM certificates. Cannot confirm from the listing.",
            "Add the NOM standard and certificate (e.g. 'NOM-001-SCFI-2018'), or do not sell the item in "
            "Mexico until it is certified.", params)


# --- Russia / EAEU: EAC --------------------------------------------------------------------

_EAC_MARK = re.compile(r"(?<![^\W_])[EЕ][AА][CС](?![^\W_])")
_EAC_WORDS = re.compile(r"(?<![^\W_])(?:тр\s?тс|tr\s?cu|тр\s?еаэс|eaeu|еаэс)(?![^\W_])"
                        r"|сертификат\w*\s+соответстви|декларац\w*\s+(?:о\s+)?соответстви"
                        r"|declaration\s+of\s+conformity|certificate\s+of\s+conformity", re.IGNORECASE)


@register
class EacConformity(ScopedRule):
    code = "RG006"
    name = "eaeu-eac-conformity"
    default_severity = "warn"
    default_fields = _TEXT
    doc = RuleDoc(
        what="Selling in Russia or the EAEU: an electrical or electronic product or a children's toy (in "
             "English or Russian: 'smartphone', 'наушники', 'игрушка' ...) names no EAC marking, certificate "
             "or declaration of conformity. Pet toys are not covered.",
        why="Sellers on Ozon and Wildberries need an EAC/TR CU certificate or declaration (or a refusal "
            "letter for non-regulated goods) (http://www.whtdk.com/article-909.html); the marketplaces check "
            "marking and certification when the card is created and errors block it before the first sale "
            "(https://sertcity.ru/news/tpost/kogx7m4le1-blokirovka-tovarov-na-marketpleisah-ozon).",
        fails="Наушники беспроводные Bluetooth 5.3",
        passes="Наушники беспроводные Bluetooth 5.3, декларация о соответствии ЕАЭС",
        field="title",
    )

    def check(self, listing, params, fields):
        covered = self.scope.find(listing)
        if covered is None or found_in((_EAC_MARK, _EAC_WORDS), listing, fields):
            return
        yield covered_hit(
            covered, "eac",
            f"'{covered.text}' is covered by the customs-union technical regulations: it needs an EAC "
            f"certificate or declaration of conformity, which the marketplace checks when the product card is "
            f"created. The listing names none; cannot confirm from the listing.",
            "Have the EAC certificate or declaration of conformity for the product card, or do not list the "
            "item in the EAEU until you have one.", params)


# --- Lithium batteries in cross-border parcels ---------------------------------------------

_WH = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*wh(?![^\W_])", re.IGNORECASE)
_VOLTS = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*v(?![^\W_])", re.IGNORECASE)
_AMP_HOURS = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(m?)ah(?![^\W_])", re.IGNORECASE)
_LITHIUM_METAL = re.compile(r"(?<![^\W_])(?:cr\d{4}|cr123a?|lithium\s+metal|lithium\s+(?:aa|aaa|coin|button)"
                            r"|(?:aa|aaa)\s+lithium|primary\s+lithium)(?![^\W_])", re.IGNORECASE)
# Nominal voltage of a lithium-ion cell, for a power bank that states only mAh.
_CELL_VOLTS = 3.7


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _largest_energy(texts: list[tuple[Field, str]], assume_cell_volts: bool) -> tuple[float, re.Match, Field] | None:
    """The largest energy any of the fields states, with its match and field."""
    best = None
    for field, text in texts:
        found = _watt_hours(text, assume_cell_volts)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], found[1], field)
    return best


def _watt_hours(text: str, assume_cell_volts: bool) -> tuple[float, re.Match] | None:
    """The largest energy the text states, directly (Wh) or as volts times amp-hours."""
    best = None
    for m in _WH.finditer(text):
        value = _number(m.group(1))
        if best is None or value > best[0]:
            best = (value, m)
    if best is not None:
        return best
    amps = _AMP_HOURS.search(text)
    if amps is None:
        return None
    amp_hours = _number(amps.group(1)) / (1000 if amps.group(2) else 1)
    volts = _VOLTS.search(text)
    voltage = _number(volts.group(1)) if volts is not None else (_CELL_VOLTS if assume_cell_volts else None)
    if voltage is None:
        return None
    return voltage * amp_hours, amps


@register
class LithiumShipping(ScopedRule):
    code = "RG007"
    name = "lithium-battery-shipping"
    default_severity = "warn"
    default_fields = ("title", "description")
    with_split = True
    first_product = True
    doc = RuleDoc(
        what="A cross-border listing of lithium batteries: cells, battery packs and power banks sold on their "
             "own (UN3480 lithium-ion, UN3090 lithium metal), or any item whose battery the text states at "
             "more than 100 Wh (params: max_wh). A device with its battery installed, at 100 Wh or less, is "
             "not flagged: it ships as UN3481/UN3091 within the postal limits.",
        why="Lithium batteries without equipment are mailable domestically by surface only, and the UN numbers "
            "are UN3480/UN3481 (ion) and UN3090/UN3091 (metal) "
            "(https://ortonfactere.blogspot.com/2022/04/usps-what-to-do-if-package-not-delivered.html); "
            "international post takes at most four cells or two batteries installed in equipment "
            "(http://postmastermaharashtra.blogspot.com/2012/05/upu-agrees-rules-on-international.html); Royal "
            "Mail caps a battery at 100 Wh "
            "(https://www.talkphotography.org/threads/posting-rm-courier-etc.744416/post-9250930). eBay names "
            "lithium batteries the most common undeclared hazardous item "
            "(https://www.ebay.com/sellercenter/shipping/shipping-on-ebay/shipping-hazardous-materials).",
        fails="18650 Rechargeable Li-ion Battery 3000mAh, 4 Pack",
        passes="LED Flashlight with 18650 Li-ion Battery Installed, 1000 Lumen",
        field="title",
    )

    def check(self, listing, params, fields):
        limit = float(params.get("max_wh", 100) or 100)
        covered = self.scope.find(listing)
        texts = [(f, f.text) for f in checked_fields(listing, fields)]
        energy = _largest_energy(texts, assume_cell_volts=covered is not None)
        over = energy if energy is not None and energy[0] > limit else None
        if covered is not None:
            metal = any(_LITHIUM_METAL.search(text) for _, text in texts)
            un, installed = ("UN3090", "UN3091") if metal else ("UN3480", "UN3481")
            size = f" It states about {over[0]:.0f} Wh, over {limit:.0f} Wh." if over else ""
            yield covered_hit(
                covered, un,
                f"'{covered.text}' is a lithium battery sold on its own ({un}). International post does not "
                f"take lithium batteries without equipment; across borders it needs a carrier that accepts "
                f"dangerous goods and a declaration as {un}.{size} Cannot confirm from the listing how it ships.",
                f"Ship it with a courier or shipping line approved for {un} and declare it, or sell it installed "
                f"in its device ({installed}).", params)
            return
        if over:
            wh, m, field = over
            yield field_hit(
                field, m, f"over {limit:.0f} Wh",
                f"'{m.group(0)}' in the {field_label(field.name)}: a lithium battery of about {wh:.0f} Wh "
                f"is over the {limit:.0f} Wh that postal services take per battery; it ships only as dangerous "
                f"goods (UN3481 installed, UN3480 alone). Cannot confirm from the listing how it ships.",
                "Ship with a carrier that accepts lithium batteries over 100 Wh as Class 9 dangerous goods, and "
                "declare it.", params)
