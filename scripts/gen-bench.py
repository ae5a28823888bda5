#!/usr/bin/env python3
"""Generates the benchmark corpus: one multilingual site, written twice —
as a vielfalt site and as an equivalent Hugo site (same Markdown, same
languages; only the link syntax and the configuration differ).

    scripts/gen-bench.py --pages 1200 --out DIR   # writes DIR/vielfalt and DIR/hugo

`--pages` counts content files over all 12 languages (every page is
translated into every language, so there are pages/12 sources). Each page
has about 800 words: headings, a list, a table, links to other pages and a
dated updates section. Words are real words of each language's script,
drawn from a small list per language; the text has no meaning. The output
depends only on the arguments (own PRNG, sorted iteration): the same
command writes the same bytes.
"""

import argparse
import os
import shutil
import sys

LANGUAGES = [
    # key, endonym, direction
    ("de", "Deutsch", "ltr"),
    ("en", "English", "ltr"),
    ("tr", "Türkçe", "ltr"),
    ("ar", "العربية", "rtl"),
    ("ru", "Русский", "ltr"),
    ("uk", "Українська", "ltr"),
    ("pl", "Polski", "ltr"),
    ("fa", "فارسی", "rtl"),
    ("kmr", "Kurmancî", "ltr"),
    ("ro", "Română", "ltr"),
    ("bg", "Български", "ltr"),
    ("el", "Ελληνικά", "ltr"),
]

# Common words about city life, in each language's own script.
WORDS = {
    "de": "Stadt Integration Sprache Menschen Schule Arbeit Familie Wohnung Beratung Gemeinschaft Zukunft Vielfalt Bildung Nachbarschaft Verwaltung Angebot Kinder Jugend Gesundheit Teilhabe Verein Kultur Zusammenleben Unterstützung Projekt Ziel Bericht Quartier Begegnung Information Ausbildung Ehrenamt Sport Bibliothek Rathaus Antrag Termin Kurs Hilfe Freizeit und mit für in der die das",
    "en": "city integration language people school work family housing advice community future diversity education neighbourhood administration service children youth health participation association culture together support project goal report district meeting information training volunteering sport library town application appointment course help leisure and with for in the",
    "tr": "şehir entegrasyon dil insanlar okul iş aile konut danışmanlık topluluk gelecek çeşitlilik eğitim mahalle yönetim hizmet çocuklar gençlik sağlık katılım dernek kültür birlikte destek proje hedef rapor bölge buluşma bilgi meslek gönüllü spor kütüphane belediye başvuru randevu kurs yardım zaman ve için ile",
    "ar": "مدينة اندماج لغة الناس مدرسة عمل عائلة سكن استشارة مجتمع مستقبل تنوع تعليم حي إدارة خدمة أطفال شباب صحة مشاركة جمعية ثقافة معا دعم مشروع هدف تقرير منطقة لقاء معلومات تدريب تطوع رياضة مكتبة بلدية طلب موعد دورة مساعدة في من مع على",
    "ru": "город интеграция язык люди школа работа семья жильё консультация сообщество будущее разнообразие образование район администрация услуга дети молодёжь здоровье участие объединение культура вместе поддержка проект цель отчёт квартал встреча информация обучение волонтёрство спорт библиотека ратуша заявление запись курс помощь и в с для",
    "uk": "місто інтеграція мова люди школа робота родина житло консультація громада майбутнє різноманіття освіта район адміністрація послуга діти молодь лікар участь спілка культура разом підтримка проєкт мета звіт квартал зустріч інформація навчання волонтерство спорт бібліотека ратуша заява запис курс допомога і в з для",
    "pl": "miasto integracja język ludzie szkoła praca rodzina mieszkanie doradztwo wspólnota przyszłość różnorodność edukacja dzielnica administracja usługa dzieci młodzież zdrowie udział stowarzyszenie kultura razem wsparcie projekt cel raport osiedle spotkanie informacja szkolenie wolontariat sport biblioteka ratusz wniosek termin kurs pomoc i w z dla",
    "fa": "شهر ادغام زبان مردم مدرسه کار خانواده مسکن مشاوره جامعه آینده تنوع آموزش محله اداره خدمات کودکان جوانان سلامت مشارکت انجمن فرهنگ باهم حمایت پروژه هدف گزارش منطقه دیدار اطلاعات کارآموزی داوطلبانه ورزش کتابخانه شهرداری درخواست وقت دوره کمک و در با برای",
    "kmr": "bajar entegrasyon ziman mirov dibistan kar malbat xanî şêwirmendî civak pêşeroj cihêrengî perwerde tax rêveberî xizmet zarok ciwan tenduristî beşdarî komele çand hevdu piştgirî proje armanc rapor herêm civîn agahî fêrbûn dilxwazî werzîş pirtûkxane şaredarî serlêdan randevû kurs alîkarî û li bi ji",
    "ro": "oraș integrare limbă oameni școală muncă familie locuință consiliere comunitate viitor diversitate educație cartier administrație serviciu copii tineret sănătate participare asociație cultură împreună sprijin proiect obiectiv raport zonă întâlnire informație formare voluntariat sport bibliotecă primărie cerere programare curs ajutor și în cu pentru",
    "bg": "град интеграция език хора училище работа семейство жилище консултация общност бъдеще многообразие образование квартал администрация услуга деца младежи здраве участие сдружение култура заедно подкрепа проект цел доклад район среща информация обучение доброволчество спорт библиотека кметство заявление час курс помощ и в с за",
    "el": "πόλη ένταξη γλώσσα άνθρωποι σχολείο εργασία οικογένεια κατοικία συμβουλευτική κοινότητα μέλλον ποικιλομορφία εκπαίδευση γειτονιά διοίκηση υπηρεσία παιδιά νεολαία υγεία συμμετοχή σύλλογος πολιτισμός μαζί υποστήριξη έργο στόχος έκθεση περιοχή συνάντηση πληροφορίες κατάρτιση εθελοντισμός αθλητισμός βιβλιοθήκη δημαρχείο αίτηση ραντεβού μάθημα βοήθεια και σε με για",
}

# The heading of each page's dated updates section.
UPDATES_HEADING = {
    "de": "Aktualisierungen",
    "en": "Updates",
    "tr": "Güncellemeler",
    "ar": "تحديثات",
    "ru": "Обновления",
    "uk": "Оновлення",
    "pl": "Aktualizacje",
    "fa": "اخبار",
    "kmr": "Nûçe",
    "ro": "Actualizări",
    "bg": "Актуализации",
    "el": "Ενημερώσεις",
}

MASK = (1 << 64) - 1


class Rng:
    """splitmix64: tiny, fast enough, and the same on every Python."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def choice(self, items):
        return items[self.below(len(items))]


class Text:
    """Sentences, headings and table cells in one language."""

    def __init__(self, lang, rng):
        self.words = WORDS[lang].split()
        self.lang = lang
        self.rng = rng

    def words_n(self, n):
        return [self.rng.choice(self.words) for _ in range(n)]

    def phrase(self, n):
        w = self.words_n(n)
        return " ".join(w)

    def sentence(self):
        w = self.words_n(8 + self.rng.below(8))
        first = w[0]
        w[0] = first[:1].upper() + first[1:]
        return " ".join(w) + "."

    def paragraph(self, sentences):
        return " ".join(self.sentence() for _ in range(sentences))

    def heading(self):
        h = self.phrase(2 + self.rng.below(3))
        return h[:1].upper() + h[1:]


class Plan:
    """Which sources exist: the home page, one updates section with dated
    pages (a fifth of all), and up to ten topic sections with the rest.
    The number of sections (the menu on every page) stays the same from
    1,200 pages on, as on a real site: more pages, not more menu."""

    def __init__(self, pages):
        self.sources_total = max(pages // len(LANGUAGES), 12)
        n = self.sources_total
        self.areas = max(2, min(10, n // 10))
        self.updates = max(2, n // 5)
        self.area_pages = n - 2 - self.areas - self.updates
        if self.area_pages < self.areas:
            raise SystemExit(f"--pages {pages} is too small: use at least 144")
        # (dir, stem) of every non-section page, for links.
        self.leaves = []
        for i in range(self.updates):
            self.leaves.append(("updates", f"meldung-{i + 1:05d}"))
        for i in range(self.area_pages):
            self.leaves.append((self.area_dir(i % self.areas), f"seite-{i + 1:05d}"))

    @staticmethod
    def area_dir(a):
        return f"bereich-{a + 1:03d}"


def date_of(i):
    """A valid date derived from a number (2020-01-01 … 2027-12-28)."""
    year = 2020 + (i // 336) % 8
    month = 1 + (i // 28) % 12
    day = 1 + i % 28
    return f"{year:04d}-{month:02d}-{day:02d}"


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def link_target(kind, lang, dir_, stem):
    if kind == "vielfalt":
        return f"@/{dir_}/{stem}.md"
    return f"/{lang}/{dir_}/{stem}/"


def page_body(text, rng, plan, lang, kind, number):
    """About 800 words of Markdown."""
    out = []
    out.append(text.paragraph(5))
    out.append("")
    out.append("## " + text.heading() + f" {number}")
    out.append("")
    out.append(text.paragraph(6))
    out.append("")
    for _ in range(5):
        out.append("- " + text.phrase(4 + rng.below(6)))
    out.append("")
    out.append(text.paragraph(6))
    out.append("")
    out.append("### " + text.heading())
    out.append("")
    cols = [text.heading() for _ in range(3)]
    out.append("| " + " | ".join(cols) + " |")
    out.append("| --- | --- | --- |")
    for r in range(4):
        out.append("| " + " | ".join([text.phrase(2), text.phrase(1), str(10 * (r + 1) + rng.below(10))]) + " |")
    out.append("")
    out.append(text.paragraph(6))
    out.append("")
    links = []
    for _ in range(4):
        dir_, stem = rng.choice(plan.leaves)
        links.append(f"[{text.phrase(2)}]({link_target(kind, lang, dir_, stem)})")
    out.append(text.paragraph(2) + " " + ", ".join(links) + ".")
    out.append("")
    out.append("## " + text.heading() + " " + str(number + 1))
    out.append("")
    out.append(text.paragraph(7))
    out.append("")
    out.append(text.paragraph(9))
    out.append("")
    for i in range(4):
        out.append(f"{i + 1}. " + text.sentence())
    out.append("")
    out.append(text.paragraph(6))
    out.append("")
    out.append("## " + UPDATES_HEADING[lang])
    out.append("")
    for i in range(4):
        out.append(f"- **{date_of(number * 7 + i * 31)}**: " + text.sentence())
    out.append("")
    return "\n".join(out)


def front(title, description, weight=None, date=None):
    lines = ["+++", f"title = {toml_string(title)}", f"description = {toml_string(description)}"]
    if weight is not None:
        lines.append(f"weight = {weight}")
    if date is not None:
        lines.append(f"date = {date}")
    lines.append("+++")
    return "\n".join(lines) + "\n"


def file_name(stem, lang):
    return f"{stem}.md" if lang == "de" else f"{stem}.{lang}.md"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def content_files(plan, kind):
    """Yields (relative path, text) of every content file."""
    for li, (lang, _, _) in enumerate(LANGUAGES):
        seed = 1 + li * 1_000_003
        rng = Rng(seed)
        text = Text(lang, rng)
        # The same sequence for both kinds: only links differ, and they draw
        # from the RNG identically.
        yield (
            file_name("_index", lang),
            front(text.heading() + " 0", text.sentence()) + "\n" + text.paragraph(4) + "\n",
        )
        yield (
            "updates/" + file_name("_index", lang),
            front(text.heading() + " 1", text.sentence(), weight=1) + "\n" + text.paragraph(3) + "\n",
        )
        for a in range(plan.areas):
            yield (
                plan.area_dir(a) + "/" + file_name("_index", lang),
                front(f"{text.heading()} {a + 2}", text.sentence(), weight=a + 2)
                + "\n"
                + text.paragraph(3)
                + "\n",
            )
        for n, (dir_, stem) in enumerate(plan.leaves):
            number = 1000 + n
            date = date_of(n) if dir_ == "updates" else None
            body = page_body(text, rng, plan, lang, kind, number)
            yield (
                dir_ + "/" + file_name(stem, lang),
                front(f"{text.heading()} {number}", text.sentence(), date=date) + "\n" + body,
            )


def vielfalt_config():
    out = [
        "# Benchmark corpus (generated by scripts/gen-bench.py).",
        'base_url = "https://example.org"',
        'default_language = "de"',
        'theme = "default"',
        "",
    ]
    for i, (key, name, _) in enumerate(LANGUAGES):
        out.append(f"[languages.{key}]")
        out.append(f"name = {toml_string(name)}")
        if i > 0:
            out.append(f"weight = {i}")
        if key not in ("de", "en"):
            out.append('fallback = ["en"]')
        out.append("")
    return "\n".join(out) + "\n"


def hugo_config():
    out = [
        "# Benchmark corpus (generated by scripts/gen-bench.py).",
        'baseURL = "https://example.org/"',
        'title = "Benchmark"',
        'defaultContentLanguage = "de"',
        "defaultContentLanguageInSubdir = true",
        'disableKinds = ["taxonomy", "term"]',
        "paginate = 10",
        "enableRobotsTXT = true",
        "",
        "[outputs]",
        'home = ["HTML"]',
        'section = ["HTML", "RSS"]',
        'page = ["HTML"]',
        "",
    ]
    for i, (key, name, direction) in enumerate(LANGUAGES):
        out.append(f"[languages.{key}]")
        out.append(f"languageName = {toml_string(name)}")
        out.append(f"languageDirection = {toml_string(direction)}")
        out.append(f"weight = {i + 1}")
        out.append("")
    return "\n".join(out)


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="{{ with .Language.LanguageDirection }}{{ . }}{{ else }}ltr{{ end }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">
{{ end }}<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with .Sites.First.Home }}<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<a class="skip-link" href="#main">Skip</a>
<header>
<p><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></p>
<nav aria-label="Languages">
<ul>
{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}"{{ if eq .Language.Lang $.Language.Lang }} aria-current="true"{{ end }}>{{ .Language.LanguageName }}</a></li>
{{ end }}</ul>
</nav>
<nav aria-label="Menu">
<ul>
{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>
{{ end }}{{ .Content }}
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Paginator.Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ if not .Date.IsZero }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>
{{ end }}{{ with .Description }}<p>{{ . }}</p>
{{ end }}</li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
"""

HUGO_HOME = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ end }}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, required=True, help="content files over all languages")
    ap.add_argument("--out", required=True, help="folder for vielfalt/ and hugo/")
    ap.add_argument("--only", choices=["vielfalt", "hugo"], help="write only one of the two sites")
    args = ap.parse_args()
    plan = Plan(args.pages)
    kinds = [args.only] if args.only else ["vielfalt", "hugo"]
    for kind in kinds:
        root = os.path.join(args.out, kind)
        if os.path.exists(root):
            shutil.rmtree(root)
        count = 0
        for rel, text in content_files(plan, kind):
            write(os.path.join(root, "content", rel), text)
            count += 1
        if kind == "vielfalt":
            write(os.path.join(root, "site.toml"), vielfalt_config())
        else:
            write(os.path.join(root, "hugo.toml"), hugo_config())
            layouts = os.path.join(root, "layouts", "_default")
            write(os.path.join(layouts, "baseof.html"), HUGO_BASEOF)
            write(os.path.join(layouts, "single.html"), HUGO_SINGLE)
            write(os.path.join(layouts, "list.html"), HUGO_LIST)
            write(os.path.join(root, "layouts", "index.html"), HUGO_HOME)
        print(f"{root}: {count} content files", file=sys.stderr)


if __name__ == "__main__":
    main()
