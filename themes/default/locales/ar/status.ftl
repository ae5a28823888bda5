# The staff's translation status report (Arabic); see en/status.ftl.

status-title = حالة الترجمات – { $site }
status-skip = الانتقال إلى التقرير
status-views = طرق العرض
status-view-languages = التقدّم حسب اللغة
status-view-matrix = جميع الصفحات صفحةً صفحة
status-view-by-state = المهام حسب الأولوية
status-view-by-language = المهام حسب اللغة
status-states = الحالات:
status-state-original = أصلي
status-state-current = محدّث
status-state-unreviewed = غير مُراجَع
status-state-unstamped = غير مختوم
status-state-outdated = قديم
status-state-missing = مفقود
status-column-language = اللغة
status-column-page = الصفحة
status-column-variant = النسخة
status-column-state = الحالة
status-column-task = المطلوب
status-column-progress = التقدّم
status-languages-caption = الصفحات في كل لغة حسب الحالة (بترتيب اللغات في site.toml)
status-progress = { $current } من { $total } محدّثة ({ $percent } %)
status-progress-label = { $language }: الصفحات المحدّثة
status-matrix-caption = كل صفحة ونسخة (الصفوف، بترتيب الموقع) في كل لغة (الأعمدة)
status-by-state-caption = عدد المهام: { $count }، مرتّبة حسب الحالة (مفقود، قديم، غير مختوم، غير مُراجَع)، ثم حسب اللغة والملف
status-by-language-caption = عدد المهام: { $count }، مرتّبة حسب اللغة، ثم حسب الحالة والملف
status-nothing-to-do = لا شيء مطلوب: جميع الترجمات محدّثة ومُراجَعة.
status-task-outdated = حدِّثوا { $file } وفق النسخة الحالية من { $original }، ثم نفّذوا:
status-task-unstamped = قارنوا { $file } بـ { $original }؛ وإذا تطابقا، نفّذوا:
status-task-unreviewed = اطلبوا من متحدث أصلي باللغة مراجعة { $file }، ثم ضعوا `reviewed = true` في ترويسته (front matter).
status-task-missing = ترجموا { $original } إلى { $file }، ثم نفّذوا:
status-task-missing-new = اكتبوا { $file }.
