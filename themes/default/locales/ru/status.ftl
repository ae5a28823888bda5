# The staff's translation status report (Russian); see en/status.ftl.

status-title = Состояние переводов – { $site }
status-skip = Перейти к отчёту
status-views = Представления
status-view-languages = Прогресс по языкам
status-view-matrix = Все страницы по страницам
status-view-by-state = Задачи по срочности
status-view-by-language = Задачи по языкам
status-states = Состояния:
status-state-original = оригинал
status-state-current = актуально
status-state-unreviewed = не проверено
status-state-unstamped = без отметки
status-state-outdated = устарело
status-state-missing = отсутствует
status-column-language = Язык
status-column-page = Страница
status-column-variant = Вариант
status-column-state = Состояние
status-column-task = Что сделать
status-column-progress = Прогресс
status-languages-caption = Страницы по языкам и состояниям (в порядке языков в site.toml)
status-progress = актуально { $current } из { $total } ({ $percent } %)
status-progress-label = { $language }: актуальные страницы
status-matrix-caption = Каждая страница и вариант (строки, в порядке сайта) на каждом языке (столбцы)
status-by-state-caption =
    { $count ->
        [one] { $count } задача, по состоянию (отсутствует, устарело, без отметки, не проверено), затем по языку и файлу
        [few] { $count } задачи, по состоянию (отсутствует, устарело, без отметки, не проверено), затем по языку и файлу
       *[other] { $count } задач, по состоянию (отсутствует, устарело, без отметки, не проверено), затем по языку и файлу
    }
status-by-language-caption =
    { $count ->
        [one] { $count } задача, по языку, затем по состоянию и файлу
        [few] { $count } задачи, по языку, затем по состоянию и файлу
       *[other] { $count } задач, по языку, затем по состоянию и файлу
    }
status-nothing-to-do = Делать нечего: все переводы актуальны и проверены.
status-task-outdated = Приведите { $file } в соответствие с актуальной версией { $original }, затем выполните:
status-task-unstamped = Сравните { $file } с { $original }; если они совпадают, выполните:
status-task-unreviewed = Попросите носителя языка проверить { $file }, затем укажите `reviewed = true` в его заголовке (front matter).
status-task-missing = Переведите { $original } в файл { $file }, затем выполните:
status-task-missing-new = Напишите { $file }.
