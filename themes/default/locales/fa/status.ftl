# The staff's translation status report (Persian); see en/status.ftl.

status-title = وضعیت ترجمه‌ها – { $site }
status-skip = رفتن به گزارش
status-views = نماها
status-view-languages = پیشرفت بر اساس زبان
status-view-matrix = همهٔ صفحه‌ها، صفحه به صفحه
status-view-by-state = کارها بر اساس فوریت
status-view-by-language = کارها بر اساس زبان
status-states = وضعیت‌ها:
status-state-original = اصلی
status-state-current = به‌روز
status-state-unreviewed = بازبینی‌نشده
status-state-unstamped = بدون مهر
status-state-outdated = قدیمی
status-state-missing = موجود نیست
status-column-language = زبان
status-column-page = صفحه
status-column-variant = نسخه
status-column-state = وضعیت
status-column-task = کار لازم
status-column-progress = پیشرفت
status-languages-caption = صفحه‌های هر زبان بر اساس وضعیت (به ترتیب زبان‌ها در site.toml)
status-progress = { $current } از { $total } به‌روز ({ $percent } ٪)
status-progress-label = { $language }: صفحه‌های به‌روز
status-matrix-caption = هر صفحه و نسخه (ردیف‌ها، به ترتیب سایت) در هر زبان (ستون‌ها)
status-by-state-caption = { $count } کار، مرتب بر اساس وضعیت (موجود نیست، قدیمی، بدون مهر، بازبینی‌نشده)، سپس زبان و فایل
status-by-language-caption = { $count } کار، مرتب بر اساس زبان، سپس وضعیت و فایل
status-nothing-to-do = کاری نمانده است: همهٔ ترجمه‌ها به‌روز و بازبینی‌شده‌اند.
status-task-outdated = { $file } را با نسخهٔ کنونی { $original } هماهنگ کنید، سپس این را اجرا کنید:
status-task-unstamped = { $file } را با { $original } مقایسه کنید؛ اگر با هم می‌خوانند، این را اجرا کنید:
status-task-unreviewed = از یک گویشور بومی بخواهید { $file } را بازبینی کند، سپس در سرآیند آن (front matter) `reviewed = true` را بنویسید.
status-task-missing = { $original } را در { $file } ترجمه کنید، سپس این را اجرا کنید:
status-task-missing-new = { $file } را بنویسید.
