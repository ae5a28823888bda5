# Interface strings of the default theme (English).

site-title = Vielfalt
skip-to-content = Skip to content
language-nav-label = Language
main-nav-label = Main menu
all-languages = All languages
accessibility-statement = Accessibility statement
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Accessibility statement
feed-link = Subscribe to updates (feed)
feed-title = Updates – { $site }
published = Published on
updated = updated on
entries-count =
    { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-page = Page { $number }
pagination-status = Page { $number } of { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = This page is not yet available in English. You are reading the version in this language:
outdated-notice = The original of this page has changed since this version was made. It may be out of date.
outdated-link = Read the current original:
unreviewed-notice =
    { $method ->
        [machine] This translation was made by machine and has not yet been checked by a native speaker.
       *[human] This translation has not yet been checked by a native speaker.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] A computer program wrote this text. People from the target group have not checked it yet.
       *[human] People from the target group have not checked this text yet.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] A computer program wrote this text. People from the target group have not checked it yet.
       *[human] People from the target group have not checked this text yet.
    }
unreviewed-link = Read the original:
variant-easy = Easy Read
    .link = This page in Easy Read
variant-plain = Plain language
    .link = This page in plain language
variant-original = This page in standard language
variant-original-easy = This page in standard language

chooser-title = Choose a language
chooser-prompt = Read in English
not-found-title = Page not found
not-found-text = This page does not exist.
not-found-home = Go to the English home page

glossary-intro-easy = Here we explain hard words.
glossary-term-link = Explanation of { $term }

statement-scope = This statement applies to the website “{ $site }”.
statement-commitment = { $organisation } is committed to making this website accessible.
statement-status-heading = Compliance status
statement-status =
    { $status ->
        [full] This website is fully compliant with { $standard }.
        [partial] This website is partially compliant with { $standard }. The exceptions are listed below.
       *[none] This website is not compliant with { $standard }.
    }
statement-status-missing = The compliance status has not yet been assessed.
statement-non-accessible-heading = Non-accessible content
statement-non-accessible-none = No non-accessible content is known.
statement-non-accessible-pending = Which content is not accessible will be established by the assessment. The assessment is still to come.
statement-reason = Reason
statement-alternative = Alternative
statement-preparation-heading = Preparation of this statement
statement-prepared = This statement was prepared on { $date }.
statement-reviewed = It was last reviewed on { $date }.
statement-dates-missing = The date of preparation is still to be added.
statement-review-overdue = This statement has not been reviewed for more than a year and may be out of date.
statement-method =
    { $method ->
        [self-assessment] The assessment is based on a self-assessment.
        [third-party] The assessment is based on an evaluation by a third party.
       *[other] The method of assessment is still to be added.
    }
statement-tests-lint = Each time the website is built, the site generator checks every page against its own rules (rules: { $rules }; WCAG success criteria { $criteria }).
statement-tests-passed = The website has passed these automated tests:
statement-tests-axe = rules for WCAG 2.0, 2.1 and 2.2, levels A and AA, and further checks in the browser (WCAG success criteria { $criteria }); every page (pages checked: { $pages })
statement-tests-html = valid HTML; every page (pages checked: { $pages })
statement-tests-matrix = Changed user settings and keyboard use (WCAG success criteria { $criteria }); one page of each kind (pages checked: { $pages })
statement-tests-limits = Automated tests find only some barriers. They do not replace an assessment of this website.
statement-feedback-heading = Feedback and contact
statement-feedback = Have you noticed any barriers to accessing the content of this website? Then write to us:
statement-feedback-missing = The contact address for feedback on accessibility is still to be added.
statement-enforcement-heading = Enforcement procedure
statement-enforcement = If you do not receive a satisfactory answer to your feedback, you can contact the conciliation or enforcement body:
statement-enforcement-missing = The details of the responsible conciliation or enforcement body are still to be added.
statement-sign-language-missing = A video in German Sign Language is still to be added.

# Search ([search] in site.toml).
search-landmark = Search this website
search-input-label = Search term
search-submit = Search
search-title = Search
search-variant-label = Version
search-variant-all = All versions
search-count = Results: { $count }
search-empty = Please enter a search term.
search-searching = Searching …
search-unavailable = Search is not available here. The search index is made when the website is built; the preview has none. Below are all pages in English.
search-results-heading = Results
search-more = Show more results
search-index-heading = All pages in English
search-index-note = This list shows every page of this website in English.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = The whole document as a PDF
pdf-size = PDF, { $kilobytes } KB

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Lettering: “{ $text }”
# Printed pages only: the text's language and date follow each label.
print-language = Language:
print-date = As of
