# The staff's translation status report (`vielfalt status`,
# templates/status.html), in English. It is written in the site's default
# language only, so these messages are needed there and nowhere else: the
# interface coverage of other languages does not count `status-` messages.

status-title = Translation status – { $site }
status-skip = Skip to the report
status-views = Views
status-view-languages = Progress by language
status-view-matrix = All pages by page
status-view-by-state = Work by urgency
status-view-by-language = Work by language
status-states = States:
status-state-original = original
status-state-current = current
status-state-unreviewed = not reviewed
status-state-unstamped = not stamped
status-state-outdated = outdated
status-state-missing = missing
status-column-language = Language
status-column-page = Page
status-column-variant = Variant
status-column-state = State
status-column-task = What to do
status-column-progress = Progress
status-languages-caption = Pages per language, by state (in the language order of site.toml)
status-progress = { $current } of { $total } current ({ $percent } %)
status-progress-label = { $language }: current pages
status-matrix-caption = Every page and variant (rows, in site order) in every language (columns)
status-by-state-caption =
    { $count ->
        [one] One item, sorted by state (missing, outdated, not stamped, not reviewed), then language and file
       *[other] { $count } items, sorted by state (missing, outdated, not stamped, not reviewed), then language and file
    }
status-by-language-caption =
    { $count ->
        [one] One item, sorted by language, then state and file
       *[other] { $count } items, sorted by language, then state and file
    }
status-nothing-to-do = Nothing to do: every translation is current and reviewed.
status-task-outdated = Bring { $file } up to date with { $original }, then run:
status-task-unstamped = Compare { $file } with { $original }; when it matches, run:
status-task-unreviewed = Have a native speaker review { $file }, then set `reviewed = true` in its front matter.
status-task-missing = Translate { $original } into { $file }, then run:
status-task-missing-new = Write { $file }.
