# The staff's translation status report (Ukrainian); see en/status.ftl.

status-title = Стан перекладів – { $site }
status-skip = Перейти до звіту
status-views = Подання
status-view-languages = Поступ за мовами
status-view-matrix = Усі сторінки за сторінками
status-view-by-state = Завдання за терміновістю
status-view-by-language = Завдання за мовами
status-states = Стани:
status-state-original = оригінал
status-state-current = актуально
status-state-unreviewed = не перевірено
status-state-unstamped = без позначки
status-state-outdated = застаріло
status-state-missing = відсутнє
status-column-language = Мова
status-column-page = Сторінка
status-column-variant = Варіант
status-column-state = Стан
status-column-task = Що зробити
status-column-progress = Поступ
status-languages-caption = Сторінки за мовами та станами (у порядку мов у site.toml)
status-progress = актуально { $current } з { $total } ({ $percent } %)
status-progress-label = { $language }: актуальні сторінки
status-matrix-caption = Кожна сторінка й варіант (рядки, у порядку сайту) кожною мовою (стовпці)
status-by-state-caption =
    { $count ->
        [one] { $count } завдання, за станом (відсутнє, застаріло, без позначки, не перевірено), далі за мовою та файлом
        [few] { $count } завдання, за станом (відсутнє, застаріло, без позначки, не перевірено), далі за мовою та файлом
       *[other] { $count } завдань, за станом (відсутнє, застаріло, без позначки, не перевірено), далі за мовою та файлом
    }
status-by-language-caption =
    { $count ->
        [one] { $count } завдання, за мовою, далі за станом і файлом
        [few] { $count } завдання, за мовою, далі за станом і файлом
       *[other] { $count } завдань, за мовою, далі за станом і файлом
    }
status-nothing-to-do = Робити нічого: усі переклади актуальні й перевірені.
status-task-outdated = Оновіть { $file } відповідно до актуальної версії { $original }, потім виконайте:
status-task-unstamped = Порівняйте { $file } з { $original }; якщо вони збігаються, виконайте:
status-task-unreviewed = Попросіть носія мови перевірити { $file }, потім укажіть `reviewed = true` у його заголовку (front matter).
status-task-missing = Перекладіть { $original } у файл { $file }, потім виконайте:
status-task-missing-new = Напишіть { $file }.
